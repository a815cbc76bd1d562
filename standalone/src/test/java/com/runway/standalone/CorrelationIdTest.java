package com.runway.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A client's X-Correlation-Id travels from its POST through every command and event to the delivered order. */
@SpringBootTest(classes = RunwayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CorrelationIdTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        FreshDataDir.register(registry, "correlation");
    }

    @Autowired
    WebTestClient http;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void oneCorrelationIdFollowsTheOrderFromThePostToTheDeliveredEvent() {
        RunwayApi api = new RunwayApi(http);
        api.registerSku("CORR-1", "20.00", 4);
        String correlationId = "checkout-7f3a";

        String orderId = http.post().uri("/api/orders").header("X-Correlation-Id", correlationId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(RunwayApi.order("corr", "tok_visa", "PT", "CORR-1", 1))
                .exchange().expectStatus().isAccepted()
                .expectHeader().valueEquals("X-Correlation-Id", correlationId)
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("orderId").asText();
        String shipment = api.awaitOrder(orderId, "CONFIRMED").get("shipmentId").asText();
        // a carrier integration echoes the order's correlation id on its callbacks, continuing the same flow
        for (String step : List.of("dispatch", "deliver")) {
            http.post().uri("/api/shipments/" + shipment + "/" + step).header("X-Correlation-Id", correlationId)
                    .exchange().expectStatus().isAccepted();
            api.awaitOrder(orderId, step.equals("dispatch") ? "SHIPPED" : "DELIVERED");
        }

        List<Map<String, Object>> events = jdbc.queryForList(
                "SELECT payloadType, metaData FROM DomainEventEntry WHERE aggregateIdentifier IN (?, ?, ?) "
                        + "OR (payloadType LIKE 'com.runway.inventory.api.Stock%' AND UTF8TOSTRING(payload) LIKE ?) ORDER BY globalIndex",
                orderId, "pay-" + orderId, "shp-" + orderId, "%" + orderId + "%");
        assertThat(events).extracting(row -> shortName(row.get("payloadType")))
                .contains("OrderPlacedEvent", "StockReservedEvent", "PaymentAuthorisedEvent", "OrderConfirmedEvent",
                        "ShipmentDispatchedEvent", "StockShippedEvent", "PaymentCapturedEvent", "OrderDeliveredEvent")
                .last().isEqualTo("OrderDeliveredEvent");
        assertThat(events).allSatisfy(row -> assertThat(metaData(row).path("traceId").asText())
                .as(shortName(row.get("payloadType"))).isEqualTo(correlationId));
    }

    @Test
    void aRequestWithoutOneGetsAGeneratedCorrelationIdAndAMalformedOneIsRefused() {
        String generated = http.get().uri("/api/orders?size=1").exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst("X-Correlation-Id");
        assertThat(generated).matches("[0-9a-f-]{36}");

        http.get().uri("/api/orders?size=1").header("X-Correlation-Id", "has spaces").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("X-Correlation-Id"));
    }

    private static String shortName(Object payloadType) {
        String type = payloadType.toString();
        return type.substring(type.lastIndexOf('.') + 1);
    }

    private static JsonNode metaData(Map<String, Object> row) {
        try {
            return JSON.readTree((byte[]) row.get("metaData"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
