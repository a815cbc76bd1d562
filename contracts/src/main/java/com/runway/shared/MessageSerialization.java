package com.runway.shared;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * The one wire format of every message, saga and token: JSON through Jackson. Every service builds
 * its serializers here so a message written by one is read by all the others.
 */
public final class MessageSerialization {

    private MessageSerialization() {
    }

    /**
     * Unknown properties are ignored on purpose: a consumer on an older version must keep reading
     * events that a newer producer enriched with fields.
     */
    public static ObjectMapper objectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(new ParameterNamesModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    /** For commands, events and queries: plain JSON whose shape is the record's, no type hints. */
    public static JacksonSerializer messageSerializer() {
        return JacksonSerializer.builder()
                .objectMapper(objectMapper())
                .build();
    }

    /**
     * For sagas, tokens and deadlines: internal state whose fields may be declared by an interface
     * (a replay token holds another token), so type hints travel with the JSON.
     */
    public static JacksonSerializer stateSerializer() {
        return JacksonSerializer.builder()
                .objectMapper(objectMapper())
                .defaultTyping()
                .build();
    }
}
