package com.runway.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With structured (JSON) logging switched on, one order's flow — its command, the saga's decisions,
 * the commands the saga sends — logs one line each, all with the same correlation id.
 */
@SpringBootTest(classes = RunwayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.structured.format.console=ecs")
@ExtendWith(OutputCaptureExtension.class)
class FlowLoggingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        FreshDataDir.register(registry, "flow-logging");
    }

    @Autowired
    WebTestClient http;

    @Test
    void everyLineOfOneOrdersFlowCarriesItsCorrelationId(CapturedOutput output) {
        RunwayApi api = new RunwayApi(http);
        api.registerSku("LOG-1", "15.00", 3);
        String orderId = api.place(RunwayApi.order("logger", "tok_visa", "PT", "LOG-1", 1));
        api.awaitOrder(orderId, "CONFIRMED");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<JsonNode> lines = output.getOut().lines().filter(line -> line.startsWith("{")).map(FlowLoggingTest::parse)
                    .filter(Objects::nonNull).toList();
            JsonNode placed = lines.stream().filter(line -> message(line).startsWith("PlaceOrderCommand orderId=" + orderId + " handled"))
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
    }

    private static String message(JsonNode line) {
        return line.path("message").asText();
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception notJson) {
            return null;
        }
    }
}
