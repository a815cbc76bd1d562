package com.runway.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** One trace follows an order from the POST, through the saga's hop, to its confirmation. */
@SpringBootTest(classes = {RunwayApplication.class, TracingTest.SpansInMemory.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TracingTest {

    @TestConfiguration
    static class SpansInMemory {
        @Bean
        InMemorySpanExporter inMemorySpanExporter() {
            return InMemorySpanExporter.create();
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        FreshDataDir.register(registry, "tracing");
    }

    @Autowired
    WebTestClient http;
    @Autowired
    InMemorySpanExporter spans;

    @Test
    void oneTraceIdLinksThePostToTheOrdersConfirmation() {
        RunwayApi api = new RunwayApi(http);
        api.registerSku("TRACE-1", "12.00", 5);
        EntityExchangeResult<JsonNode> placed = http.post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(RunwayApi.order("tracer", "tok_visa", "PT", "TRACE-1", 1))
                .exchange().expectStatus().isAccepted()
                .expectBody(JsonNode.class).returnResult();
        String traceId = placed.getResponseHeaders().getFirst("X-Trace-Id");
        String orderId = placed.getResponseBody().get("orderId").asText();
        api.awaitOrder(orderId, "CONFIRMED");

        await().atMost(RunwayApi.PATIENCE).untilAsserted(() -> {
            List<SpanData> trace = spans.getFinishedSpanItems().stream()
                    .filter(span -> span.getTraceId().equals(traceId)).toList();
            List<String> names = trace.stream().map(SpanData::getName).toList();
            assertThat(names).as("spans of trace " + traceId).contains("POST /api/orders")
                    .anySatisfy(name -> assertThat(name).contains("PlaceOrderCommand"))
                    .anySatisfy(name -> assertThat(name).contains("FulfilmentSaga"))
                    .anySatisfy(name -> assertThat(name).contains("ReserveStockCommand"))
                    .anySatisfy(name -> assertThat(name).contains("ConfirmOrderCommand"));
            SpanData post = trace.stream().filter(span -> span.getName().equals("POST /api/orders")).findFirst().orElseThrow();
            assertThat(post.getParentSpanContext().isValid()).as("the POST is the root").isFalse();
            assertThat(post.getAttributes().asMap().toString()).contains("202");
        });
    }
}
