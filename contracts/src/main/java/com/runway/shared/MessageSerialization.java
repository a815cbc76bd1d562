package com.runway.shared;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
        return classCaching(JacksonSerializer.builder()
                .objectMapper(objectMapper()));
    }

    /**
     * For sagas, tokens and deadlines: internal state whose fields may be declared by an interface
     * (a replay token holds another token), so type hints travel with the JSON.
     */
    public static JacksonSerializer stateSerializer() {
        return classCaching(JacksonSerializer.builder()
                .objectMapper(objectMapper())
                .defaultTyping());
    }

    /** Axon's builder applies its settings (default typing among them) to the mapper in {@code build()}; the subclass takes the mapper so set up. */
    private static JacksonSerializer classCaching(JacksonSerializer.Builder settings) {
        return new ClassCaching(JacksonSerializer.builder().objectMapper(settings.build().getObjectMapper()));
    }

    /**
     * Axon's serializer resolves a type name to its class with {@code Class.forName} each time it
     * is asked: four times for every event each processor reads (payload and metadata, when the
     * message is built and when it is deserialized), 8–11 % of a projection's thread in a rebuild.
     * A name found once names the same class for the life of the class loader, so it is kept; a
     * name not found is left to Axon, which remembers it as unknown.
     */
    static final class ClassCaching extends JacksonSerializer {

        private final Map<String, Class<?>> classes = new ConcurrentHashMap<>();

        ClassCaching(JacksonSerializer.Builder builder) {
            super(builder);
        }

        @Override
        @SuppressWarnings("rawtypes")
        public Class classForType(SerializedType type) {
            Class<?> known = classes.get(type.getName());
            if (known != null) {
                return known;
            }
            Class<?> found = super.classForType(type);
            if (found != UnknownSerializedType.class && !SerializedType.isEmptyType(type)) {
                classes.put(type.getName(), found);
            }
            return found;
        }
    }
}
