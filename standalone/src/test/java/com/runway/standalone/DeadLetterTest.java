package com.runway.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event the orders projection cannot store parks that order's sequence in the dead-letter
 * queue while every other order keeps flowing; once the cause is fixed a retry replays the parked
 * sequence in order, and an eviction drops a letter for good.
 */
@SpringBootTest(classes = RunwayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeadLetterTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        FreshDataDir.register(registry, "dead-letters");
    }

    @Autowired
    WebTestClient http;
    @Autowired
    MongoDatabase readModelDatabase;

    @Test
    void aFailingOrderIsParkedWhileOthersFlowThenRetriedInOrderOrEvicted() {
        RunwayApi api = new RunwayApi(http);
        api.registerSku("DLQ-1", "10.00", 10);
        // a constraint the projection does not know about: a second order of one customer cannot be stored
        readModelDatabase.getCollection("orders").createIndex(Indexes.ascending("customerId"), new IndexOptions().unique(true).name("one-per-customer"));

        String first = api.place(RunwayApi.order("twin", "tok_visa", "PT", "DLQ-1", 1));
        api.awaitOrder(first, "CONFIRMED");

        String dropped = api.place(RunwayApi.order("twin", "tok_declined", "PT", "DLQ-1", 1));
        List<JsonNode> droppedLetters = awaitLetters(api, letters -> letters.stream()
                .anyMatch(letter -> letter.get("eventType").asText().equals("OrderRejectedEvent")));
        assertThat(droppedLetters.get(0).get("eventType").asText()).isEqualTo("OrderPlacedEvent");
        assertThat(droppedLetters.get(0).get("cause").asText()).containsIgnoringCase("duplicate");
        for (JsonNode letter : droppedLetters) {
            api.http().delete().uri("/api/admin/dead-letters/" + letter.get("id").asText()).exchange().expectStatus().isNoContent();
        }
        assertThat(awaitLetters(api, List::isEmpty)).isEmpty();
        api.http().get().uri("/api/orders/" + dropped).exchange().expectStatus().isNotFound();

        String parked = api.place(RunwayApi.order("twin", "tok_visa", "PT", "DLQ-1", 1));
        String other = api.place(RunwayApi.order("someone-else", "tok_visa", "PT", "DLQ-1", 1));
        api.awaitOrder(other, "CONFIRMED");
        List<JsonNode> letters = awaitLetters(api, sequence -> sequence.stream()
                .anyMatch(letter -> letter.get("eventType").asText().equals("OrderConfirmedEvent")));
        assertThat(letters).allSatisfy(letter -> {
            assertThat(letter.get("projection").asText()).isEqualTo("orders");
            assertThat(letter.get("sequenceHead").asText()).isEqualTo(letters.get(0).get("id").asText());
        });
        assertThat(letters.get(0).get("eventType").asText()).isEqualTo("OrderPlacedEvent");
        api.http().get().uri("/api/orders/" + parked).exchange().expectStatus().isNotFound();

        readModelDatabase.getCollection("orders").dropIndex("one-per-customer");
        api.http().post().uri("/api/admin/dead-letters/" + letters.get(letters.size() - 1).get("id").asText() + "/retry").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.handled").isEqualTo(true);
        api.awaitOrder(parked, "CONFIRMED");
        assertThat(awaitLetters(api, List::isEmpty)).isEmpty();
        api.http().post().uri("/api/admin/dead-letters/orders:no-such-letter/retry").exchange().expectStatus().isNotFound();
    }

    private static List<JsonNode> awaitLetters(RunwayApi api, java.util.function.Predicate<List<JsonNode>> until) {
        List<JsonNode> letters = new ArrayList<>();
        await().atMost(RunwayApi.PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> {
            letters.clear();
            api.get("/api/admin/dead-letters").forEach(letters::add);
            return until.test(letters);
        });
        return letters;
    }
}
