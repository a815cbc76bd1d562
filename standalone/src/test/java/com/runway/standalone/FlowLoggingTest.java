package com.runway.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With structured (JSON) logging switched on, one order's flow — its command, the saga's decisions,
 * the commands the saga sends — logs one line each, all with the same correlation id. The app runs
 * as its own process: logging is configured once per JVM, so a test context could not switch it.
 */
class FlowLoggingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Test
    void everyLineOfOneOrdersFlowCarriesItsCorrelationId() throws Exception {
        RunwayProcess runway = new RunwayProcess(dataDir, "--logging.structured.format.console=ecs");
        try {
            runway.start();
            HttpDriver http = new HttpDriver(runway.port());
            assertThat(http.post("/api/skus", Map.of("sku", "LOG-1", "name", "Logged", "unitPrice",
                    Map.of("amount", "15.00", "currency", "EUR"), "initialStock", 3)).status()).isEqualTo(201);
            String orderId = http.post("/api/orders", RunwayApi.order("logger", "tok_visa", "PT", "LOG-1", 1))
                    .json().get("orderId").asText();

            await().atMost(RunwayApi.PATIENCE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                List<JsonNode> lines = jsonLines(dataDir.resolve("run-1.log"));
                JsonNode placed = lines.stream()
                        .filter(line -> message(line).startsWith("PlaceOrderCommand orderId=" + orderId + " handled"))
                        .findFirst().orElseThrow(() -> new AssertionError("no log line for the PlaceOrderCommand"));
                String correlationId = placed.path("correlationId").asText();
                assertThat(correlationId).isNotBlank();

                List<String> flow = lines.stream().filter(line -> correlationId.equals(line.path("correlationId").asText()))
                        .map(FlowLoggingTest::message).toList();
                assertThat(flow).anySatisfy(m -> assertThat(m).isEqualTo("order " + orderId + " at RESERVING_STOCK: ReserveStockCommand"))
                        .anySatisfy(m -> assertThat(m).startsWith("ReserveStockCommand sku=LOG-1 handled"))
                        .anySatisfy(m -> assertThat(m).startsWith("AuthorisePaymentCommand paymentId=pay-" + orderId + " handled"))
                        .anySatisfy(m -> assertThat(m).startsWith("ConfirmOrderCommand orderId=" + orderId + " handled"));
            });
        } finally {
            runway.stop();
        }
    }

    private static List<JsonNode> jsonLines(Path log) throws IOException {
        return Files.readAllLines(log).stream().filter(line -> line.startsWith("{")).map(FlowLoggingTest::parse)
                .filter(Objects::nonNull).toList();
    }

    private static String message(JsonNode line) {
        return line.path("message").asText();
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException notJson) {
            return null;
        }
    }
}
