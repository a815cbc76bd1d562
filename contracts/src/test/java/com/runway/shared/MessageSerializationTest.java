package com.runway.shared;

import com.fasterxml.jackson.databind.JsonNode;
import com.runway.inventory.api.Sku;
import com.runway.order.api.OrderId;
import com.runway.order.api.OrderPlacedEvent;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every record the services exchange survives the wire format unchanged. */
class MessageSerializationTest {

    static Stream<Class<?>> contractRecords() throws IOException, URISyntaxException {
        Path root = Path.of(MessageSerialization.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".class") && !p.toString().contains("$"))
                    .map(p -> root.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .map(MessageSerializationTest::load)
                    .filter(Class::isRecord)
                    .toList().stream();
        }
    }

    @Test
    void theContractsHoldTheMessagesOfEveryContext() throws Exception {
        assertThat(contractRecords().map(Class::getSimpleName))
                .contains("PlaceOrderCommand", "OrderPlacedEvent", "ReserveStockCommand", "StockReservationRejectedEvent",
                        "AuthorisePaymentCommand", "ShipmentDispatchedEvent", "FindOrderQuery", "OrderView", "SkuPage");
    }

    @ParameterizedTest
    @MethodSource("contractRecords")
    void survivesTheMessageSerializer(Class<?> type) throws Exception {
        roundTrip(MessageSerialization.messageSerializer(), type);
    }

    @ParameterizedTest
    @MethodSource("contractRecords")
    void survivesTheStateSerializer(Class<?> type) throws Exception {
        roundTrip(MessageSerialization.stateSerializer(), type);
    }

    private static void roundTrip(Serializer serializer, Class<?> type) throws Exception {
        Object original = sampleValue(type, type);
        SerializedObject<byte[]> serialized = serializer.serialize(original, byte[].class);
        Object read = serializer.deserialize(serialized);
        assertThat(read).isEqualTo(original);
    }

    @Test
    void moneyTravelsAsADecimalStringAndIdsAsPlainStrings() throws Exception {
        var mapper = MessageSerialization.objectMapper();
        JsonNode json = mapper.readTree(mapper.writeValueAsBytes(
                new com.runway.inventory.api.SkuRegisteredEvent(new Sku("TSHIRT-RED-M"), "Red", Money.of("19.9", "EUR"), 3)));
        assertThat(json.get("unitPrice").get("amount").isTextual()).isTrue();
        assertThat(json.get("unitPrice").get("amount").asText()).isEqualTo("19.90");
        assertThat(json.get("sku").asText()).isEqualTo("TSHIRT-RED-M");
    }

    @Test
    void aConsumerIgnoresFieldsAddedByANewerProducer() throws Exception {
        var mapper = MessageSerialization.objectMapper();
        JsonNode json = mapper.valueToTree(sample(OrderPlacedEvent.class));
        ((com.fasterxml.jackson.databind.node.ObjectNode) json).put("giftWrap", true);
        assertThat(mapper.treeToValue(json, OrderPlacedEvent.class)).isEqualTo(sample(OrderPlacedEvent.class));
    }

    @Test
    void moneyRefusesWhatNoLedgerWouldAccept() {
        assertThatThrownBy(() -> Money.of("1.001", "EUR")).hasMessageContaining("more than 2 decimal places");
        assertThatThrownBy(() -> Money.of("-1", "EUR")).hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> Money.of("1", "EURO")).hasMessageContaining("not an ISO 4217 code");
        assertThat(Money.of("19.9", "EUR")).isEqualTo(Money.of("19.90", "EUR"));
        assertThat(Money.of("19.99", "EUR").times(3).plus(Money.of("0.03", "EUR"))).isEqualTo(Money.of("60.00", "EUR"));
    }

    @Test
    void idsRefuseMalformedValues() {
        assertThatThrownBy(() -> new Sku("red shirt")).hasMessageContaining("sku must match");
        assertThatThrownBy(() -> new OrderId("")).hasMessageContaining("orderId must match");
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object sample(Class<?> type) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = sampleValue(components[i].getType(), components[i].getGenericType());
        }
        return type.getDeclaredConstructor(types).newInstance(values);
    }

    private static Object sampleValue(Class<?> type, Type generic) throws Exception {
        if (type == String.class) {
            return "SAMPLE-1";
        }
        if (type == int.class || type == Integer.class) {
            return 3;
        }
        if (type == long.class || type == Long.class) {
            return 7L;
        }
        if (type == boolean.class) {
            return true;
        }
        if (type == double.class || type == Double.class) {
            return 42.5;
        }
        if (type == BigDecimal.class) {
            return new BigDecimal("12.34");
        }
        if (type == Instant.class) {
            return Instant.parse("2026-11-29T10:15:30.123Z");
        }
        if (type == Duration.class) {
            return Duration.ofMillis(1_500);
        }
        if (type == Money.class) {
            return Money.of("19.99", "EUR");
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return constants[constants.length - 1];
        }
        if (type == List.class) {
            Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
            return List.of(sampleValue((Class<?>) element, element));
        }
        if (type.isRecord()) {
            return sample(type);
        }
        throw new IllegalArgumentException("no sample for " + type);
    }
}
