package com.runway.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.runway.inventory.query.SkuReadModel;
import com.runway.order.query.OrderReadModel;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The whole product in one JVM, driven only through its REST API. */
@SpringBootTest(classes = RunwayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FulfilmentFlowTest {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("runway.data-dir", () -> dataDir.toString());
        // long enough for a slow machine to observe stock held before the timeout releases it
        registry.add("runway.payment.timeout", () -> "5s");
        registry.add("runway.inventory.snapshot-every", () -> "3");
        registry.add("runway.gateway.updates-keep-alive", () -> "1s");
    }

    @Autowired
    WebTestClient webTestClient;
    @Autowired
    OrderReadModel orders;
    @Autowired
    SkuReadModel skus;
    @Autowired
    MongoDatabase readModelDatabase;
    @Autowired
    EventProcessingConfiguration eventProcessing;
    @Autowired
    JdbcTemplate jdbc;

    private RunwayApi api;
    private String shirt;
    private String scarf;
    private String customer;

    @BeforeEach
    void setUp() {
        api = new RunwayApi(webTestClient);
        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        shirt = "TSHIRT-" + suffix;
        scarf = "SCARF-" + suffix;
        customer = "customer-" + suffix;
        api.registerSku(shirt, "19.99", 10);
        api.registerSku(scarf, "5.00", 3);
    }

    @Test
    void anOrderIsConfirmedShippedAndDeliveredWithStockAndPaymentSettled() {
        String orderId = api.place(RunwayApi.order(customer, "tok_visa", "PT", shirt, 2, scarf, 1));

        JsonNode confirmed = api.awaitOrder(orderId, "CONFIRMED");
        assertThat(confirmed.get("total").get("amount").asText()).isEqualTo("44.98");
        assertThat(confirmed.get("lines").get(0).get("unitPrice").get("amount").asText()).isEqualTo("19.99");
        assertThat(confirmed.get("paymentId").asText()).isNotBlank();
        String shipmentId = confirmed.get("shipmentId").asText();
        api.awaitStock(shirt, 10, 2, 8);
        api.awaitStock(scarf, 3, 1, 2);

        assertThat(api.post("/api/shipments/" + shipmentId + "/deliver")).isEqualTo(HttpStatus.CONFLICT);
        assertThat(api.post("/api/shipments/" + shipmentId + "/dispatch")).isEqualTo(HttpStatus.ACCEPTED);
        api.awaitOrder(orderId, "SHIPPED");
        api.awaitStock(shirt, 8, 0, 8);
        api.awaitStock(scarf, 2, 0, 2);
        assertThat(api.post("/api/orders/" + orderId + "/cancel")).isEqualTo(HttpStatus.CONFLICT);

        assertThat(api.post("/api/shipments/" + shipmentId + "/deliver")).isEqualTo(HttpStatus.ACCEPTED);
        JsonNode delivered = api.awaitOrder(orderId, "DELIVERED");
        assertThat(delivered.get("rejectionReason").isNull()).isTrue();
        assertThat(api.post("/api/orders/" + orderId + "/cancel")).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void aLineOutOfStockRejectsTheOrderAndReleasesTheOtherLines() {
        String orderId = api.place(RunwayApi.order(customer, "tok_visa", "PT", shirt, 2, scarf, 3 + 1));

        assertThat(api.awaitOrder(orderId, "REJECTED").get("rejectionReason").asText()).isEqualTo("OUT_OF_STOCK");
        api.awaitStock(shirt, 10, 0, 10);
        api.awaitStock(scarf, 3, 0, 3);
    }

    @Test
    void anUnknownSkuRejectsTheOrderAndReleasesTheOtherLines() {
        String orderId = api.place(RunwayApi.order(customer, "tok_visa", "PT", shirt, 1, "NEVER-REGISTERED-1", 1));

        assertThat(api.awaitOrder(orderId, "REJECTED").get("rejectionReason").asText()).isEqualTo("UNKNOWN_SKU");
        api.awaitStock(shirt, 10, 0, 10);
    }

    @Test
    void aDeclinedPaymentRejectsTheOrderAndReleasesAllStock() {
        String orderId = api.place(RunwayApi.order(customer, "tok_declined", "PT", shirt, 2, scarf, 1));

        assertThat(api.awaitOrder(orderId, "REJECTED").get("rejectionReason").asText()).isEqualTo("PAYMENT_DECLINED");
        api.awaitStock(shirt, 10, 0, 10);
        api.awaitStock(scarf, 3, 0, 3);
    }

    @Test
    void aPaymentProviderThatNeverAnswersTimesOutIntoARejection() {
        String orderId = api.place(RunwayApi.order(customer, "tok_no_response", "PT", shirt, 4));
        api.awaitStock(shirt, 10, 4, 6);

        assertThat(api.awaitOrder(orderId, "REJECTED").get("rejectionReason").asText()).isEqualTo("PAYMENT_TIMEOUT");
        api.awaitStock(shirt, 10, 0, 10);
    }

    @Test
    void anAddressTheCarrierDoesNotServeRejectsTheOrderAndReleasesStock() {
        String orderId = api.place(RunwayApi.order(customer, "tok_visa", "JP", shirt, 1));

        assertThat(api.awaitOrder(orderId, "REJECTED").get("rejectionReason").asText()).isEqualTo("UNDELIVERABLE_ADDRESS");
        api.awaitStock(shirt, 10, 0, 10);
    }

    @Test
    void cancellingAConfirmedOrderReleasesStockAndWithdrawsTheShipment() {
        String orderId = api.place(RunwayApi.order(customer, "tok_visa", "PT", shirt, 3));
        String shipmentId = api.awaitOrder(orderId, "CONFIRMED").get("shipmentId").asText();

        assertThat(api.post("/api/orders/" + orderId + "/cancel")).isEqualTo(HttpStatus.ACCEPTED);

        api.awaitOrder(orderId, "CANCELLED");
        api.awaitStock(shirt, 10, 0, 10);
        await().atMost(RunwayApi.PATIENCE).untilAsserted(() ->
                assertThat(api.post("/api/shipments/" + shipmentId + "/dispatch")).isEqualTo(HttpStatus.CONFLICT));
    }

    @Test
    void theJourneyTellsAnOrdersFlowAcrossContextsInOrderWithItsCompensationsMarked() {
        String orderId = api.http().post().uri("/api/orders").header("X-Correlation-Id", "journey-" + customer)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue(RunwayApi.order(customer, "tok_visa", "PT", shirt, 2))
                .exchange().expectStatus().isAccepted()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("orderId").asText();
        api.awaitOrder(orderId, "CONFIRMED");
        assertThat(api.post("/api/orders/" + orderId + "/cancel")).isEqualTo(HttpStatus.ACCEPTED);
        api.awaitOrder(orderId, "CANCELLED");

        await().atMost(RunwayApi.PATIENCE).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            List<JsonNode> steps = new java.util.ArrayList<>();
            api.get("/api/orders/" + orderId + "/journey").get("steps").forEach(steps::add);
            assertThat(steps).extracting(step -> step.get("eventType").asText()).containsSubsequence(
                    "OrderPlacedEvent", "StockReservedEvent", "OrderPricedEvent", "PaymentAuthorisationRequestedEvent",
                    "PaymentAuthorisedEvent", "ShipmentCreatedEvent", "OrderConfirmedEvent", "OrderCancellationRequestedEvent",
                    "ShipmentCancelledEvent", "OrderCancelledEvent");
            assertThat(steps.get(0).get("summary").asText()).isEqualTo("placed by " + customer + " via WEB: 2 × " + shirt + ", to PT");
            assertThat(steps.get(0).get("context").asText()).isEqualTo("order");
            assertThat(steps).filteredOn(step -> step.get("compensation").asBoolean())
                    .extracting(step -> step.get("eventType").asText())
                    .containsExactlyInAnyOrder("ShipmentCancelledEvent", "PaymentVoidedEvent", "StockReleasedEvent");
            assertThat(steps).extracting(step -> step.get("position").asLong()).isSorted();
            assertThat(steps.subList(0, 7)).allSatisfy(step -> {
                assertThat(step.get("correlationId").asText()).isEqualTo("journey-" + customer);
                assertThat(step.get("causationId").asText()).isNotBlank();
            });
        });
    }

    @Test
    void anOperatorSeesWhatALiveSagaHoldsAndNothingOnceItHasEnded() {
        String orderId = api.place(RunwayApi.order(customer, "tok_no_response", "PT", shirt, 2));
        await().atMost(RunwayApi.PATIENCE).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            JsonNode saga = api.get("/api/admin/sagas?orderId=" + orderId);
            assertThat(saga.get("step").asText()).isEqualTo("AUTHORISING_PAYMENT");
            assertThat(saga.get("paymentTimeoutPending").asBoolean()).isTrue();
            assertThat(saga.get("paymentId").asText()).isEqualTo("pay-" + orderId);
            assertThat(saga.get("reserved")).hasSize(1);
            assertThat(saga.get("reserved").get(0).get("sku").asText()).isEqualTo(shirt);
            assertThat(saga.get("reserved").get(0).get("quantity").asInt()).isEqualTo(2);
        });

        api.awaitOrder(orderId, "REJECTED");
        api.http().get().uri("/api/admin/sagas?orderId=" + orderId).exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").isEqualTo("no live fulfilment saga for order " + orderId);
    }

    @Test
    void anOperatorForceCancelsAnOrderWhoseSagaWasLostAndEverythingItHeldIsUndone() {
        String orderId = api.place(RunwayApi.order(customer, "tok_no_response", "PT", shirt, 2, scarf, 1));
        await().atMost(RunwayApi.PATIENCE).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                assertThat(api.get("/api/admin/sagas?orderId=" + orderId).get("step").asText()).isEqualTo("AUTHORISING_PAYMENT"));
        // the process is lost: no saga will ever move this order again (its timeout then finds no one to wake)
        jdbc.update("DELETE FROM SagaEntry WHERE sagaId IN (SELECT sagaId FROM AssociationValueEntry WHERE associationValue = ?)", orderId);
        jdbc.update("DELETE FROM AssociationValueEntry WHERE associationValue = ?", orderId);
        api.awaitStock(shirt, 10, 2, 8);
        api.awaitStock(scarf, 3, 1, 2);

        api.http().post().uri("/api/admin/orders/" + orderId + "/force-cancel").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "payment provider never answered")).exchange().expectStatus().isAccepted();

        api.awaitOrder(orderId, "CANCELLED");
        api.awaitStock(shirt, 10, 0, 10);
        api.awaitStock(scarf, 3, 0, 3);
        await().atMost(RunwayApi.PATIENCE).untilAsserted(() -> {
            List<String> journey = new java.util.ArrayList<>();
            api.get("/api/orders/" + orderId + "/journey").get("steps")
                    .forEach(step -> journey.add(step.get("eventType").asText() + ": " + step.get("summary").asText()));
            assertThat(journey).contains("OrderForceCancellationRequestedEvent: force-cancelled by an operator: payment provider never answered",
                    "PaymentVoidedEvent: voided the authorisation", "OrderCancelledEvent: cancelled");
        });
        api.http().post().uri("/api/admin/orders/" + orderId + "/force-cancel").exchange().expectStatus().isEqualTo(409);
    }

    @Test
    void cancellingWhileThePaymentProviderIsSilentEndsInCancelled() {
        String orderId = api.place(RunwayApi.order(customer, "tok_no_response", "PT", shirt, 1));
        api.awaitStock(shirt, 10, 1, 9);

        assertThat(api.post("/api/orders/" + orderId + "/cancel")).isEqualTo(HttpStatus.ACCEPTED);

        api.awaitOrder(orderId, "CANCELLED");
        api.awaitStock(shirt, 10, 0, 10);
    }

    @Test
    void aBusySkuIsRebuiltFromItsSnapshotsWithExactFigures() {
        for (int i = 0; i < 4; i++) {
            api.awaitOrder(api.place(RunwayApi.order(customer, "tok_declined", "PT", shirt, 2)), "REJECTED");
        }
        String held = api.place(RunwayApi.order(customer, "tok_visa", "PT", shirt, 3));
        api.awaitOrder(held, "CONFIRMED");

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM SnapshotEventEntry WHERE aggregateIdentifier = ?",
                Long.class, shirt)).isPositive();
        api.awaitStock(shirt, 10, 3, 7);
        String tooMany = api.place(RunwayApi.order(customer, "tok_visa", "PT", shirt, 8));
        assertThat(api.awaitOrder(tooMany, "REJECTED").get("rejectionReason").asText()).isEqualTo("OUT_OF_STOCK");
        api.awaitStock(shirt, 10, 3, 7);
    }

    @Test
    void cancellingOrDispatchingSomethingUnknownIsNotFound() {
        assertThat(api.post("/api/orders/no-such-order/cancel")).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(api.post("/api/shipments/no-such-shipment/dispatch")).isEqualTo(HttpStatus.NOT_FOUND);
        api.http().get().uri("/api/orders/no-such-order").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("no order no-such-order");
    }

    @Test
    void anIdempotencyKeyMakesARetryReturnTheSameOrderAndAReusedKeyIsRefused() {
        Map<String, Object> order = RunwayApi.order(customer, "tok_visa", "PT", shirt, 1);
        String first = placeWithKey(order, "key-1").expectStatus().isAccepted()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("orderId").asText();
        String second = placeWithKey(order, "key-1").expectStatus().isAccepted()
                .expectHeader().location("/api/orders/" + first)
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("orderId").asText();
        assertThat(second).isEqualTo(first);

        placeWithKey(RunwayApi.order(customer, "tok_visa", "PT", shirt, 2), "key-1")
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        api.awaitOrder(first, "CONFIRMED");
        api.awaitStock(shirt, 10, 1, 9);
        assertThat(api.get("/api/orders?customerId=" + customer).get("total").asInt()).isEqualTo(1);
    }

    private WebTestClient.ResponseSpec placeWithKey(Map<String, Object> order, String key) {
        return api.http().post().uri("/api/orders").header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(order).exchange();
    }

    @Test
    void theUpdatesStreamFollowsAnOrderUntilItsTerminalStatusAndCloses() {
        String orderId = api.place(RunwayApi.order(customer, "tok_no_response", "PT", shirt, 1));

        List<ServerSentEvent<JsonNode>> events = api.http().get().uri("/api/orders/" + orderId + "/updates")
                .accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<JsonNode>>() {
                })
                .getResponseBody()
                .collectList().block(RunwayApi.PATIENCE);

        assertThat(events).anySatisfy(e -> assertThat(e.comment()).isEqualTo("keep-alive"));
        List<JsonNode> updates = events.stream().filter(e -> e.data() != null).map(ServerSentEvent::data).toList();
        assertThat(events).filteredOn(e -> e.data() != null).allSatisfy(e -> assertThat(e.event()).isEqualTo("order"));
        assertThat(updates).isNotEmpty();
        assertThat(updates.get(0).get("orderId").asText()).isEqualTo(orderId);
        JsonNode last = updates.get(updates.size() - 1);
        assertThat(last.get("status").asText()).isEqualTo("REJECTED");
        assertThat(last.get("rejectionReason").asText()).isEqualTo("PAYMENT_TIMEOUT");
        assertThat(updates.subList(0, updates.size() - 1)).allSatisfy(u -> assertThat(u.get("status").asText()).isEqualTo("PLACED"));
    }

    @Test
    void ordersAndTheCatalogueAreListedAPageAtATime() {
        String one = api.place(RunwayApi.order(customer, "tok_declined", "PT", shirt, 1));
        api.awaitOrder(one, "REJECTED");
        String two = api.place(RunwayApi.order(customer, "tok_declined", "PT", scarf, 1));
        api.awaitOrder(two, "REJECTED");

        JsonNode page = api.get("/api/orders?customerId=" + customer + "&status=REJECTED&page=0&size=1");
        assertThat(page.get("total").asInt()).isEqualTo(2);
        assertThat(page.get("size").asInt()).isEqualTo(1);
        assertThat(page.get("items").get(0).get("orderId").asText()).isEqualTo(two);

        JsonNode catalogue = api.get("/api/skus?page=0&size=100");
        assertThat(catalogue.get("items").findValuesAsText("sku")).contains(shirt, scarf);
    }

    @Test
    void aReplayRebuildsEveryReadModelIdenticallyFromTheEventStore() {
        String delivered = api.place(RunwayApi.order(customer, "tok_visa", "PT", shirt, 2));
        String shipmentId = api.awaitOrder(delivered, "CONFIRMED").get("shipmentId").asText();
        api.post("/api/shipments/" + shipmentId + "/dispatch");
        api.awaitOrder(delivered, "SHIPPED");
        api.post("/api/shipments/" + shipmentId + "/deliver");
        api.awaitOrder(delivered, "DELIVERED");
        api.awaitOrder(api.place(RunwayApi.order(customer, "tok_declined", "PT", scarf, 1)), "REJECTED");
        api.awaitStock(shirt, 8, 0, 8);
        awaitNoOrderInFlight();

        List<Document> ordersBefore = orders.snapshot();
        List<Document> skusBefore = skus.snapshot();
        readModelDatabase.getCollection("orders").deleteOne(Filters.eq("_id", delivered));

        assertThat(api.post("/api/admin/projections/orders/replay")).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(api.post("/api/admin/projections/skus/replay")).isEqualTo(HttpStatus.ACCEPTED);

        await().atMost(RunwayApi.PATIENCE).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            JsonNode statuses = api.get("/api/admin/projections");
            assertThat(statuses.findValues("replaying")).allSatisfy(r -> assertThat(r.asBoolean()).isFalse());
            assertThat(orders.snapshot()).isEqualTo(ordersBefore);
            assertThat(skus.snapshot()).isEqualTo(skusBefore);
            statuses.forEach(status -> {
                assertThat(status.get("head").asLong()).as(status.toString()).isPositive();
                assertThat(status.get("lag").asLong()).as(status.toString()).isZero();
                assertThat(status.get("position").asLong()).isEqualTo(status.get("head").asLong());
                assertThat(status.get("replayPercent").isNull()).isTrue();
            });
        });
        assertThat(api.get("/api/orders/" + delivered).get("status").asText()).isEqualTo("DELIVERED");
    }

    @Test
    void replayingAnUnknownProjectionIsNotFound() {
        api.http().post().uri("/api/admin/projections/no-such-projection/replay").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void noEventProcessorSkipsAnEventItsHandlerFailedOn() {
        for (String group : List.of("orders", "skus", "FulfilmentSagaProcessor")) {
            assertThat(eventProcessing.listenerInvocationErrorHandler(group))
                    .as(group).isInstanceOf(PropagatingErrorHandler.class);
        }
    }

    @Test
    void theApiIsDescribedAndTheServiceReportsHealthy() {
        api.http().get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.paths['/api/orders']").exists()
                .jsonPath("$.paths['/api/orders/{orderId}/updates']").exists();
        api.http().get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    /** Orders still PLACED have saga steps (reservations, timeouts) yet to come; the others wait for a person. */
    private void awaitNoOrderInFlight() {
        await().atMost(RunwayApi.PATIENCE).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(readModelDatabase.getCollection("orders")
                        .countDocuments(Filters.eq("status", "PLACED"))).isZero());
    }
}
