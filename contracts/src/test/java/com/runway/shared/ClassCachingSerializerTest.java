package com.runway.shared;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.type.TypeFactory;
import com.fasterxml.jackson.databind.util.LRUMap;
import com.runway.order.api.OrderId;
import com.runway.order.api.OrderRejectedEvent;
import com.runway.order.api.RejectionReason;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The serializers look a type name up once, and keep answering as Axon's own serializer does. */
class ClassCachingSerializerTest {

    private final List<String> lookedUp = new ArrayList<>();
    private final JacksonSerializer serializer = new MessageSerialization.ClassCaching(
            JacksonSerializer.builder().objectMapper(countingLookUps(MessageSerialization.objectMapper())));

    @Test
    void aTypeFoundOnceIsNotLookedUpAgain() {
        SerializedType type = new SimpleSerializedType(OrderRejectedEvent.class.getName(), null);

        assertThat(serializer.classForType(type)).isEqualTo(OrderRejectedEvent.class);
        assertThat(serializer.classForType(type)).isEqualTo(OrderRejectedEvent.class);
        assertThat(serializer.classForType(new SimpleSerializedType(OrderRejectedEvent.class.getName(), "2"))).isEqualTo(OrderRejectedEvent.class);

        assertThat(lookedUp).containsExactly(OrderRejectedEvent.class.getName());
    }

    @Test
    void aTypeNotFoundStaysUnknown() {
        SerializedType missing = new SimpleSerializedType("com.runway.order.api.OrderTeleportedEvent", null);

        assertThat(serializer.classForType(missing)).isEqualTo(UnknownSerializedType.class);
        assertThat(serializer.classForType(missing)).isEqualTo(UnknownSerializedType.class);

        assertThat(lookedUp).containsExactly(missing.getName());
    }

    @Test
    void theEmptyTypeStaysVoid() {
        assertThat(serializer.classForType(SerializedType.emptyType())).isEqualTo(Void.class);
    }

    @Test
    void eventsAndTheirMetadataReadBackThroughTheCache() {
        OrderRejectedEvent event = new OrderRejectedEvent(new OrderId("ORDER-1"), RejectionReason.OUT_OF_STOCK);
        MetaData metaData = MetaData.with("traceId", "t-1").and("correlationId", "c-1");

        for (int round = 0; round < 2; round++) {
            assertThat((Object) serializer.deserialize(serializer.serialize(event, byte[].class))).isEqualTo(event);
            assertThat((Object) serializer.deserialize(serializer.serialize(metaData, byte[].class))).isEqualTo(metaData);
        }
        SerializedObject<byte[]> unknown = new SimpleSerializedObject<>("{\"a\":1}".getBytes(StandardCharsets.UTF_8), byte[].class,
                "com.runway.order.api.OrderTeleportedEvent", null);
        assertThat((Object) serializer.deserialize(unknown)).isInstanceOf(UnknownSerializedType.class);
        assertThat(lookedUp).containsOnlyOnce(OrderRejectedEvent.class.getName(), MetaData.class.getName());
    }

    @Test
    void theStateSerializerWritesAndReadsWhatAxonsOwnSerializerWithItsSettingsDoes() {
        JacksonSerializer axons = JacksonSerializer.builder().objectMapper(MessageSerialization.objectMapper()).defaultTyping().build();
        JacksonSerializer state = MessageSerialization.stateSerializer();
        TrackingToken token = ReplayToken.createReplayToken(GapAwareTrackingToken.newInstance(10, List.of(3L, 5L)),
                GapAwareTrackingToken.newInstance(2, List.of()));

        SerializedObject<String> written = state.serialize(token, String.class);
        assertThat(written.getData()).isEqualTo(axons.serialize(token, String.class).getData()).contains("UnmodifiableSortedSet");
        assertThat((Object) state.deserialize(axons.serialize(token, byte[].class))).isEqualTo(token);
        assertThat((Object) axons.deserialize(state.serialize(token, byte[].class))).isEqualTo(token);
    }

    private ObjectMapper countingLookUps(ObjectMapper mapper) {
        return mapper.setTypeFactory(new TypeFactory(new LRUMap<>(16, 200)) {
            @Override
            public Class<?> findClass(String className) throws ClassNotFoundException {
                lookedUp.add(className);
                return super.findClass(className);
            }
        });
    }
}
