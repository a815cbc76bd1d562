package com.runway.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** While a read model is rebuilt, every read still sees the whole model; the rebuilt copy then takes over. */
@SpringBootTest(classes = RunwayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ZeroDowntimeReplayTest {

    private static final int ORDERS = 120;

    /** One event per batch: rebuilt in batches of 100, 120 orders are back before the test could read during the rebuild. */
    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        FreshDataDir.register(registry, "zero-downtime");
        registry.add("runway.processing.orders.batch-size", () -> "1");
        registry.add("runway.processing.skus.batch-size", () -> "1");
    }

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Test
    void readsDuringAReplayNeverSeeAnEmptyOrPartialModel() {
        HttpDriver http = new HttpDriver(port);
        assertThat(http.post("/api/skus", Map.of("sku", "REPLAY-1", "name", "Scarf", "unitPrice",
                Map.of("amount", "10.00", "currency", "EUR"), "initialStock", 1000)).status()).isEqualTo(201);
        CompletableFuture.allOf(IntStream.range(0, ORDERS)
                .mapToObj(i -> http.send("POST", "/api/orders", RunwayApi.order("reader", "tok_visa", "PT", "REPLAY-1", 1)))
                .toArray(CompletableFuture[]::new)).join();
        await().atMost(Duration.ofSeconds(60)).until(() ->
                http.get("/api/orders?status=CONFIRMED&size=1").json().get("total").asInt() == ORDERS);
        JsonNode ordersBefore = http.get("/api/orders?size=100&customerId=reader").json();
        JsonNode skuBefore = http.get("/api/skus/REPLAY-1").json();

        assertThat(http.post("/api/admin/projections/orders/replay", null).status()).isEqualTo(202);
        assertThat(http.post("/api/admin/projections/orders/replay", null).status()).as("one replay at a time").isEqualTo(409);
        assertThat(http.post("/api/admin/projections/skus/replay", null).status()).isEqualTo(202);

        List<Integer> totalsSeen = new ArrayList<>();
        List<JsonNode> skusSeen = new ArrayList<>();
        int readsDuringReplay = 0;
        while (replaying(http)) {
            readsDuringReplay++;
            totalsSeen.add(http.get("/api/orders?size=1&customerId=reader").json().get("total").asInt());
            skusSeen.add(http.get("/api/skus/REPLAY-1").json());
        }
        System.out.printf("Zero-downtime replay: %d reads of orders and skus while both rebuilt, every one whole%n", readsDuringReplay);
        assertThat(readsDuringReplay).as("the test read while the replay ran").isPositive();
        assertThat(totalsSeen).containsOnly(ORDERS);
        assertThat(skusSeen).allSatisfy(sku -> assertThat(sku).isEqualTo(skuBefore));

        assertThat(http.get("/api/orders?size=100&customerId=reader").json()).isEqualTo(ordersBefore);
        assertThat(http.get("/api/skus/REPLAY-1").json()).isEqualTo(skuBefore);
        assertThat(meters.get("runway.eventstore.tracked.batches").tag("source", "shared").functionCounter().count())
                .as("the second rebuild took the batches the first one read").isPositive();
    }

    private static boolean replaying(HttpDriver http) {
        for (JsonNode status : http.get("/api/admin/projections").json()) {
            if (status.get("replaying").asBoolean()) {
                return true;
            }
        }
        return false;
    }
}
