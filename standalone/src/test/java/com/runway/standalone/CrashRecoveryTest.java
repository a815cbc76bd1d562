package com.runway.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kills the app with SIGKILL in the middle of a busy flow, three times at different moments, then
 * lets it settle and checks that no business was lost: every accepted order exists once and is
 * decided, stock and payments add up, and the read models equal what a full replay rebuilds.
 */
class CrashRecoveryTest {

    private static final int SKUS = 12;
    private static final int INITIAL_STOCK = 40;
    private static final int CLIENTS = 6;
    private static final int KILLS = 3;
    private static final Set<String> SETTLED = Set.of("CONFIRMED", "SHIPPED", "DELIVERED", "REJECTED", "CANCELLED");

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dataDir;

    @Test
    void noAcceptedOrderStockOrPaymentIsLostAcrossRepeatedKills() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        RunwayProcess runway = new RunwayProcess(dataDir, "--runway.payment.timeout=3s", "--logging.level.root=WARN",
                "--spring.datasource.url=" + eventStoreUrl());
        Ledger ledger = new Ledger(SKUS);
        try {
            runway.start();
            HttpDriver http = new HttpDriver(runway.port());
            for (int i = 0; i < SKUS; i++) {
                register(http, sku(i), INITIAL_STOCK);
            }

            for (int kill = 1; kill <= KILLS; kill++) {
                if (kill > 1) {
                    runway.start();
                    ledger.retryUnanswered(http);
                }
                int killAt = ledger.accepted.size() + 40 + random.nextInt(120);
                List<Thread> clients = IntStream.range(0, CLIENTS)
                        .mapToObj(c -> new Thread(() -> ledger.shop(http, "crash-" + c), "client-" + c))
                        .toList();
                clients.forEach(Thread::start);
                await().atMost(Duration.ofSeconds(120)).until(() -> ledger.accepted.size() >= killAt);
                runway.kill();
                ledger.running.set(false);
                for (Thread client : clients) {
                    client.join();
                }
                ledger.running.set(true);
            }

            runway.start();
            ledger.retryUnanswered(http);
            Map<String, JsonNode> orders = awaitEveryOrderSettled(http, ledger, seed);
            assertThat(ledger.anomalies).isEmpty();
            assertThat(http.get("/api/orders?size=1").json().get("total").asInt())
                    .as("the read model holds exactly the accepted orders").isEqualTo(ledger.accepted.size());
            Map<String, Integer> restocked = restockedPerSku();
            assertStockAddsUp(http, orders, restocked);
            assertReplayRebuildsTheSameReadModels(http);
            assertEachOrderPlacedOnceAndEveryAuthorisationSettled(orders);
            assertThat(restocked).allSatisfy((sku, quantity) -> assertThat(quantity)
                    .isBetween(ledger.restocksAcknowledged.getOrDefault(sku, new AtomicInteger()).get(),
                            ledger.restocksTried.getOrDefault(sku, new AtomicInteger()).get()));
            System.out.printf("Crash test (seed %d): %d kills survived, %d orders accepted (%d answered only after a restart), "
                            + "%d requests sent, answers %s, outcomes %s%n", seed, KILLS, ledger.accepted.size(), ledger.retried.get(),
                    ledger.requests.get(), ledger.answers, outcomes(orders));
        } finally {
            runway.stop();
        }
    }

    /**
     * A deadline the scheduler had picked and was running when the process died stays marked as
     * picked; only its heartbeat going stale lets a scheduler run it again. With db-scheduler's
     * defaults (a heartbeat every 5 minutes, dead after 6 missed) the order waited half an hour.
     */
    @Test
    void aPaymentTimeoutThatWasFiringWhenTheProcessDiedFiresAgainSoonAfterTheRestart() throws Exception {
        RunwayProcess runway = new RunwayProcess(dataDir, "--runway.payment.timeout=10m", "--logging.level.root=WARN",
                "--spring.datasource.url=" + eventStoreUrl());
        try {
            runway.start();
            HttpDriver http = new HttpDriver(runway.port());
            register(http, "CRASH-TIMEOUT", 5);
            String orderId = http.post("/api/orders", RunwayApi.order("silent-bank", "tok_no_response", "PT", "CRASH-TIMEOUT", 1))
                    .json().get("orderId").asText();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
                HttpDriver.Reply saga = http.get("/api/admin/sagas?orderId=" + orderId);
                return saga.status() == 200 && saga.json().get("paymentTimeoutPending").asBoolean();
            });
            runway.kill();
            try (Connection connection = eventStore()) {
                int firing = connection.createStatement().executeUpdate("UPDATE scheduled_tasks SET execution_time = CURRENT_TIMESTAMP, "
                        + "picked = TRUE, picked_by = 'the-killed-process', last_heartbeat = CURRENT_TIMESTAMP, version = version + 1");
                assertThat(firing).as("the order's payment timeout is the one deadline").isEqualTo(1);
            }

            runway.start();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                    assertThat(http.get("/api/orders/" + orderId).json().path("rejectionReason").asText()).isEqualTo("PAYMENT_TIMEOUT"));
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                    assertThat(http.get("/api/skus/CRASH-TIMEOUT").json().get("available").asInt()).as("stock released").isEqualTo(5));
        } finally {
            runway.stop();
        }
    }

    private static void register(HttpDriver http, String sku, int initialStock) {
        assertThat(http.post("/api/skus", Map.of("sku", sku, "name", "Item " + sku,
                "unitPrice", Map.of("amount", "12.50", "currency", "EUR"), "initialStock", initialStock)).status()).isEqualTo(201);
    }

    static String sku(int i) {
        return "CRASH-" + i;
    }

    private Map<String, JsonNode> awaitEveryOrderSettled(HttpDriver http, Ledger ledger, long seed) throws Exception {
        Map<String, JsonNode> settled = new ConcurrentHashMap<>();
        Map<String, String> unsettled = new ConcurrentHashMap<>();
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> {
                for (String orderId : ledger.accepted.keySet()) {
                    HttpDriver.Reply reply = http.get("/api/orders/" + orderId);
                    if (reply.status() == 200 && SETTLED.contains(reply.json().get("status").asText())) {
                        settled.put(orderId, reply.json());
                        unsettled.remove(orderId);
                    } else {
                        unsettled.put(orderId, reply.status() + " " + reply.body());
                    }
                }
                return unsettled.isEmpty();
            });
        } catch (ConditionTimeoutException timedOut) {
            throw new AssertionError(whyNotSettled(http, unsettled, seed), timedOut);
        }
        return settled;
    }

    /**
     * CI shows only a failure's first line, and the data directory with the logs stays on the
     * machine that ran it: so the first line says what the stuck orders were waiting for.
     */
    private String whyNotSettled(HttpDriver http, Map<String, String> unsettled, long seed) throws Exception {
        Map<String, String> sagas = new TreeMap<>();
        unsettled.keySet().forEach(orderId -> sagas.put(orderId, http.get("/api/admin/sagas?orderId=" + orderId).body()));
        List<String> deadlines = new ArrayList<>();
        try (Connection connection = eventStore();
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT task_instance, execution_time, picked, consecutive_failures, last_heartbeat FROM scheduled_tasks")) {
            while (rows.next()) {
                deadlines.add(String.format("%s due %s picked=%s failures=%d heartbeat %s", rows.getString(1), rows.getTimestamp(2),
                        rows.getBoolean(3), rows.getInt(4), rows.getTimestamp(5)));
            }
        }
        List<String> errors;
        try (Stream<Path> logs = Files.list(dataDir)) {
            errors = logs.filter(log -> log.getFileName().toString().startsWith("run-")).sorted().flatMap(log -> {
                try {
                    return Files.readAllLines(log).stream().filter(line -> line.contains(" ERROR ")).map(line -> log.getFileName() + ": " + line);
                } catch (IOException unreadable) {
                    return Stream.of(log + " unreadable: " + unreadable);
                }
            }).toList();
        }
        return String.format("%d accepted orders not settled (seed %d); their sagas %s; deadlines now %s; %d ERROR lines, first %s%n"
                        + "orders: %s%nlogs in %s", unsettled.size(), seed, sagas, deadlines, errors.size(),
                errors.isEmpty() ? "none" : errors.get(0), unsettled, dataDir);
    }

    /** onHand = initial + restocked − shipped; reserved = what confirmed orders hold; available never negative. */
    private void assertStockAddsUp(HttpDriver http, Map<String, JsonNode> orders, Map<String, Integer> restocked) {
        Map<String, Integer> shipped = new HashMap<>();
        Map<String, Integer> held = new HashMap<>();
        orders.values().forEach(order -> {
            String status = order.get("status").asText();
            Map<String, Integer> into = switch (status) {
                case "SHIPPED", "DELIVERED" -> shipped;
                case "CONFIRMED" -> held;
                default -> null;
            };
            if (into != null) {
                order.get("lines").forEach(line -> into.merge(line.get("sku").asText(), line.get("quantity").asInt(), Integer::sum));
            }
        });
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            for (int i = 0; i < SKUS; i++) {
                String sku = sku(i);
                JsonNode view = http.get("/api/skus/" + sku).json();
                int onHand = INITIAL_STOCK + restocked.getOrDefault(sku, 0) - shipped.getOrDefault(sku, 0);
                int reserved = held.getOrDefault(sku, 0);
                assertThat(List.of(view.get("onHand").asInt(), view.get("reserved").asInt(), view.get("available").asInt()))
                        .as(sku).containsExactly(onHand, reserved, onHand - reserved);
                assertThat(onHand - reserved).as(sku + " available").isGreaterThanOrEqualTo(0);
            }
        });
    }

    private void assertReplayRebuildsTheSameReadModels(HttpDriver http) {
        Map<String, JsonNode> before = readModels(http);
        for (String projection : List.of("orders", "skus")) {
            assertThat(http.post("/api/admin/projections/" + projection + "/replay", null).status()).isEqualTo(202);
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonNode statuses = http.get("/api/admin/projections").json();
            statuses.forEach(status -> assertThat(status.get("replaying").asBoolean()).as(status.toString()).isFalse());
            assertThat(readModels(http)).isEqualTo(before);
        });
    }

    private static Map<String, JsonNode> readModels(HttpDriver http) {
        Map<String, JsonNode> documents = new TreeMap<>();
        for (String collection : List.of("orders", "skus")) {
            for (int page = 0; ; page++) {
                JsonNode items = http.get("/api/" + collection + "?size=100&page=" + page).json().get("items");
                if (items.isEmpty()) {
                    break;
                }
                items.forEach(item -> documents.put(collection + "/" + item.get(collection.equals("orders") ? "orderId" : "sku").asText(), item));
            }
        }
        return documents;
    }

    /**
     * The app's own URL (application.yml) with AUTO_SERVER, which lets this test read the event
     * store while the app holds it open (and which H2 refuses beside DB_CLOSE_ON_EXIT).
     */
    private String eventStoreUrl() {
        return "jdbc:h2:file:" + dataDir.resolve("event-store") + ";WRITE_DELAY=0;AUTO_SERVER=TRUE";
    }

    private Connection eventStore() throws Exception {
        return DriverManager.getConnection(eventStoreUrl(), "sa", "");
    }

    private Map<String, Integer> restockedPerSku() throws Exception {
        Map<String, Integer> restocked = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        try (Connection connection = eventStore();
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT payload FROM DomainEventEntry WHERE payloadType = 'com.runway.inventory.api.StockRestockedEvent'")) {
            while (rows.next()) {
                JsonNode event = json.readTree(rows.getBytes(1));
                restocked.merge(event.get("sku").asText(), event.get("quantity").asInt(), Integer::sum);
            }
        }
        return restocked;
    }

    private void assertEachOrderPlacedOnceAndEveryAuthorisationSettled(Map<String, JsonNode> orders) throws Exception {
        Map<String, Integer> placements = new HashMap<>();
        Map<String, Set<String>> settlementEvents = new HashMap<>();
        try (Connection connection = eventStore();
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT aggregateIdentifier, payloadType FROM DomainEventEntry "
                             + "WHERE payloadType = 'com.runway.order.api.OrderPlacedEvent' OR payloadType LIKE 'com.runway.payment.api.%' "
                             + "OR payloadType LIKE 'com.runway.shipping.api.%'")) {
            while (rows.next()) {
                String aggregate = rows.getString(1);
                String type = rows.getString(2).substring(rows.getString(2).lastIndexOf('.') + 1);
                if (type.equals("OrderPlacedEvent")) {
                    placements.merge(aggregate, 1, Integer::sum);
                } else {
                    settlementEvents.computeIfAbsent(aggregate, a -> new HashSet<>()).add(type);
                }
            }
        }
        assertThat(placements.keySet()).containsExactlyInAnyOrderElementsOf(orders.keySet());
        assertThat(placements.values()).containsOnly(1);

        orders.forEach((orderId, order) -> {
            Set<String> payment = settlementEvents.getOrDefault("pay-" + orderId, Set.of());
            Set<String> shipment = settlementEvents.getOrDefault("shp-" + orderId, Set.of());
            String status = order.get("status").asText();
            if (shipment.contains("ShipmentDispatchedEvent")) {
                assertThat(status).as(orderId + " was collected by the carrier " + shipment).isIn("SHIPPED", "DELIVERED");
            }
            if (!payment.contains("PaymentAuthorisedEvent")) {
                assertThat(status).as(orderId + " never authorised").isIn("REJECTED", "CANCELLED");
                return;
            }
            String settlement = payment.contains("PaymentCapturedEvent") ? "captured"
                    : payment.contains("PaymentVoidedEvent") ? "voided" : "held";
            assertThat(payment).as(orderId).doesNotContain(settlement.equals("captured") ? "PaymentVoidedEvent" : "none");
            String expected = switch (status) {
                case "SHIPPED", "DELIVERED" -> "captured";
                case "CONFIRMED" -> "held";
                default -> "voided";
            };
            assertThat(settlement).as(orderId + " in " + status + " " + payment).isEqualTo(expected);
        });
    }

    private static Map<String, Long> outcomes(Map<String, JsonNode> orders) {
        return orders.values().stream().collect(Collectors.groupingBy(order -> order.get("status").asText()
                + (order.hasNonNull("rejectionReason") ? " " + order.get("rejectionReason").asText() : ""),
                TreeMap::new, Collectors.counting()));
    }
}
