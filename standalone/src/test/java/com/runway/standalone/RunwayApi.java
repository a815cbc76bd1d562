package com.runway.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The REST API as a test drives it; waits on read models with a bounded poll, never a sleep. */
final class RunwayApi {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    /** The admin credential every app the tests start has (src/test/resources/config/application.yml). */
    static final String ADMIN_AUTHORIZATION = "Bearer test-admin-token";
    private final WebTestClient http;

    RunwayApi(WebTestClient http) {
        this.http = http.mutate().responseTimeout(PATIENCE)
                .defaultHeader("Authorization", ADMIN_AUTHORIZATION).build();
    }

    WebTestClient http() {
        return http;
    }

    void registerSku(String sku, String price, int stock) {
        http.post().uri("/api/skus").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("sku", sku, "name", "Item " + sku,
                        "unitPrice", Map.of("amount", price, "currency", "EUR"), "initialStock", stock))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().location("/api/skus/" + sku);
    }

    static Map<String, Object> order(String customerId, String paymentToken, String country, Object... skuAndQuantity) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < skuAndQuantity.length; i += 2) {
            lines.add(Map.of("sku", skuAndQuantity[i], "quantity", skuAndQuantity[i + 1]));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerId", customerId);
        body.put("lines", lines);
        body.put("shippingAddress", Map.of("name", "Ana Silva", "street", "Rua Augusta 1", "city", "Lisboa",
                "postalCode", "1100-048", "country", country));
        body.put("paymentToken", paymentToken);
        return body;
    }

    String place(Map<String, Object> order) {
        JsonNode accepted = http.post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON).bodyValue(order)
                .exchange()
                .expectStatus().isAccepted()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        return accepted.get("orderId").asText();
    }

    JsonNode get(String path) {
        return http.get().uri(path).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    HttpStatus post(String path) {
        return HttpStatus.valueOf(http.post().uri(path).exchange().returnResult(Void.class).getStatus().value());
    }

    /** Polls the order read model until it shows {@code status}; fails if it reaches another terminal status. */
    JsonNode awaitOrder(String orderId, String status) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            var result = http.get().uri("/api/orders/" + orderId).exchange().expectBody(JsonNode.class).returnResult();
            assertThat(result.getStatus().value()).isEqualTo(200);
            last.set(result.getResponseBody());
            assertThat(last.get().get("status").asText()).isEqualTo(status);
        });
        return last.get();
    }

    /** Polls the SKU read model until its figures are exactly these. */
    void awaitStock(String sku, int onHand, int reserved, int available) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            JsonNode view = get("/api/skus/" + sku);
            assertThat(List.of(view.get("onHand").asInt(), view.get("reserved").asInt(), view.get("available").asInt()))
                    .containsExactly(onHand, reserved, available);
        });
    }
}
