package com.runway.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Events, sagas, tokens, deadlines and read models survive a restart on the same data directory. */
class RestartTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(RunwayApplication.class)
                .run("--runway.data-dir=" + dataDir, "--server.port=0", "--runway.payment.timeout=8s");
    }

    private static RunwayApi api(ConfigurableApplicationContext context) {
        String port = context.getEnvironment().getProperty("local.server.port");
        return new RunwayApi(WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build());
    }

    @Test
    void sagasInFlightAndPendingTimeoutsCarryOnAfterARestart() {
        String waitingForDispatch;
        String waitingForPayment;
        try (ConfigurableApplicationContext first = start()) {
            RunwayApi api = api(first);
            api.registerSku("BOOT-42", "89.90", 5);
            waitingForDispatch = api.place(RunwayApi.order("customer-1", "tok_visa", "PT", "BOOT-42", 1));
            api.awaitOrder(waitingForDispatch, "CONFIRMED");
            waitingForPayment = api.place(RunwayApi.order("customer-1", "tok_no_response", "PT", "BOOT-42", 2));
            api.awaitStock("BOOT-42", 5, 3, 2);
            api.awaitOrder(waitingForPayment, "PLACED");
        }

        try (ConfigurableApplicationContext second = start()) {
            RunwayApi api = api(second);
            JsonNode timedOut = api.awaitOrder(waitingForPayment, "REJECTED");
            assertThat(timedOut.get("rejectionReason").asText()).isEqualTo("PAYMENT_TIMEOUT");
            api.awaitStock("BOOT-42", 5, 1, 4);

            String shipmentId = api.get("/api/orders/" + waitingForDispatch).get("shipmentId").asText();
            assertThat(api.post("/api/shipments/" + shipmentId + "/dispatch")).isEqualTo(HttpStatus.ACCEPTED);
            api.awaitOrder(waitingForDispatch, "SHIPPED");
            api.awaitStock("BOOT-42", 4, 0, 4);
        }
    }

    @Test
    void readModelsRebuiltByAReplayAreStillThereAfterARestart() {
        String confirmed;
        try (ConfigurableApplicationContext first = start()) {
            RunwayApi api = api(first);
            api.registerSku("BOOT-43", "89.90", 5);
            confirmed = api.place(RunwayApi.order("customer-2", "tok_visa", "PT", "BOOT-43", 2));
            api.awaitOrder(confirmed, "CONFIRMED");
            for (String projection : List.of("orders", "skus", "journeys")) {
                api.http().post().uri("/api/admin/projections/" + projection + "/replay")
                        .header("Authorization", RunwayApi.ADMIN_AUTHORIZATION).exchange().expectStatus().isAccepted();
            }
            await().atMost(RunwayApi.PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> api.http().get()
                    .uri("/api/admin/projections").header("Authorization", RunwayApi.ADMIN_AUTHORIZATION).exchange()
                    .expectBody(JsonNode.class).returnResult().getResponseBody()
                    .findValues("replaying").stream().noneMatch(JsonNode::asBoolean));
            api.awaitOrder(confirmed, "CONFIRMED");
        }

        try (ConfigurableApplicationContext second = start()) {
            RunwayApi api = api(second);
            assertThat(api.get("/api/orders/" + confirmed).get("status").asText()).isEqualTo("CONFIRMED");
            assertThat(api.get("/api/orders?customerId=customer-2").get("total").asInt()).isEqualTo(1);
            api.awaitStock("BOOT-43", 5, 2, 3);
            assertThat(api.get("/api/orders/" + confirmed + "/journey").get("steps").size()).isGreaterThanOrEqualTo(4);
        }
    }
}
