package com.runway.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Many clients at once on the same SKU and the same idempotency key: the figures stay exact. */
@SpringBootTest(classes = RunwayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConcurrencyTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        FreshDataDir.register(registry, "concurrency");
    }

    @LocalServerPort
    int port;

    private HttpDriver http;
    private String sku;
    private String customer;

    @BeforeEach
    void setUp() {
        http = new HttpDriver(port);
        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        sku = "HOT-" + suffix;
        customer = "crowd-" + suffix;
    }

    @Test
    void twoHundredBuyersOfFiftyUnitsYieldExactlyFiftyConfirmedOrders() {
        registerSku(50);
        StockWatch watch = StockWatch.start(http, sku);

        List<String> orderIds = allOf(IntStream.range(0, 200)
                .mapToObj(i -> http.send("POST", "/api/orders", order("tok_visa"))))
                .stream().map(reply -> {
                    assertThat(reply.status()).as(reply.body()).isEqualTo(202);
                    return reply.json().get("orderId").asText();
                }).toList();
        Map<String, Long> outcomes = awaitDecided(orderIds, Set.of("CONFIRMED", "REJECTED"));
        watch.stop();

        assertThat(outcomes).containsEntry("CONFIRMED", 50L).containsEntry("REJECTED OUT_OF_STOCK", 150L);
        assertThat(stock()).containsExactly(50, 50, 0);
        assertThat(watch.lowestAvailable()).isGreaterThanOrEqualTo(0);
        assertThat(watch.reservedAboveOnHand()).isFalse();
    }

    @Test
    void restocksReservationsAndCancellationsRacingOnOneSkuKeepItsFiguresExact() {
        registerSku(20);
        StockWatch watch = StockWatch.start(http, sku);

        List<CompletableFuture<HttpDriver.Reply>> restocks = IntStream.range(0, 10)
                .mapToObj(i -> http.send("POST", "/api/skus/" + sku + "/restock", Map.of("quantity", 2))).toList();
        List<CompletableFuture<String>> placed = IntStream.range(0, 60)
                .mapToObj(i -> http.send("POST", "/api/orders", order("tok_visa")).thenCompose(reply -> {
                    assertThat(reply.status()).as(reply.body()).isEqualTo(202);
                    String orderId = reply.json().get("orderId").asText();
                    if (i % 3 != 0) {
                        return CompletableFuture.completedFuture(orderId);
                    }
                    return http.send("POST", "/api/orders/" + orderId + "/cancel", null).thenApply(cancel -> {
                        assertThat(cancel.status()).as(cancel.body()).isIn(202, 409);
                        return orderId;
                    });
                })).toList();
        assertThat(allOf(restocks.stream())).allSatisfy(reply -> assertThat(reply.status()).isEqualTo(202));
        List<String> orderIds = placed.stream().map(CompletableFuture::join).toList();

        awaitDecided(orderIds, Set.of("CONFIRMED", "REJECTED", "CANCELLED"));
        // A cancellation may land after an order first read as CONFIRMED, and its stock comes back a
        // step later: settled means the orders, read again, and the SKU agree.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            Map<String, Long> outcomes = outcomesNow(orderIds);
            int confirmed = outcomes.getOrDefault("CONFIRMED", 0L).intValue();
            assertThat(outcomes.getOrDefault("CANCELLED", 0L)).isGreaterThan(0);
            assertThat(outcomes.keySet()).allMatch(outcome -> Set.of("CONFIRMED", "CANCELLED", "REJECTED OUT_OF_STOCK").contains(outcome));
            assertThat(stock()).containsExactly(40, confirmed, 40 - confirmed);
        });
        watch.stop();
        assertThat(watch.lowestAvailable()).isGreaterThanOrEqualTo(0);
        assertThat(watch.reservedAboveOnHand()).isFalse();
    }

    private Map<String, Long> outcomesNow(List<String> orderIds) {
        return orderIds.stream().map(orderId -> http.get("/api/orders/" + orderId).json())
                .map(view -> view.get("status").asText().equals("REJECTED")
                        ? "REJECTED " + view.get("rejectionReason").asText() : view.get("status").asText())
                .collect(Collectors.groupingBy(outcome -> outcome, Collectors.counting()));
    }

    @Test
    void oneIdempotencyKeySentTwentyTimesAtOncePlacesOneOrder() {
        registerSku(5);
        List<HttpDriver.Reply> replies = allOf(IntStream.range(0, 20)
                .mapToObj(i -> http.send("POST", "/api/orders", order("tok_visa"), "Idempotency-Key", "checkout-" + customer)));

        assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).as(reply.body()).isEqualTo(202));
        Set<String> orderIds = replies.stream().map(reply -> reply.json().get("orderId").asText()).collect(Collectors.toSet());
        assertThat(orderIds).hasSize(1);
        awaitDecided(List.copyOf(orderIds), Set.of("CONFIRMED"));
        assertThat(http.get("/api/orders?customerId=" + customer).json().get("total").asInt()).isEqualTo(1);
        assertThat(stock()).containsExactly(5, 1, 4);
    }

    private void registerSku(int stock) {
        HttpDriver.Reply reply = http.post("/api/skus", Map.of("sku", sku, "name", "Hot item",
                "unitPrice", Map.of("amount", "25.00", "currency", "EUR"), "initialStock", stock));
        assertThat(reply.status()).isEqualTo(201);
    }

    private Map<String, Object> order(String paymentToken) {
        return RunwayApi.order(customer, paymentToken, "PT", sku, 1);
    }

    private List<Integer> stock() {
        JsonNode view = http.get("/api/skus/" + sku).json();
        return List.of(view.get("onHand").asInt(), view.get("reserved").asInt(), view.get("available").asInt());
    }

    /** Polls until every order is in one of {@code settled}; answers how many ended each way ("REJECTED reason"). */
    private Map<String, Long> awaitDecided(List<String> orderIds, Set<String> settled) {
        Map<String, String> outcome = new HashMap<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            for (String orderId : orderIds) {
                if (!outcome.containsKey(orderId)) {
                    HttpDriver.Reply reply = http.get("/api/orders/" + orderId);
                    if (reply.status() == 200 && settled.contains(reply.json().get("status").asText())) {
                        JsonNode view = reply.json();
                        String status = view.get("status").asText();
                        outcome.put(orderId, status.equals("REJECTED") ? status + " " + view.get("rejectionReason").asText() : status);
                    }
                }
            }
            assertThat(outcome).hasSameSizeAs(orderIds);
        });
        return outcome.values().stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
    }

    private static <T> List<T> allOf(java.util.stream.Stream<CompletableFuture<T>> futures) {
        List<CompletableFuture<T>> all = futures.toList();
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        return all.stream().map(CompletableFuture::join).toList();
    }

    /** Reads a SKU's figures over and over while the crowd runs, remembering the worst it saw. */
    static final class StockWatch {
        private final AtomicInteger lowestAvailable = new AtomicInteger(Integer.MAX_VALUE);
        private final AtomicBoolean reservedAboveOnHand = new AtomicBoolean();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private Thread thread;

        static StockWatch start(HttpDriver http, String sku) {
            StockWatch watch = new StockWatch();
            watch.thread = new Thread(() -> {
                while (watch.running.get()) {
                    HttpDriver.Reply reply = http.get("/api/skus/" + sku);
                    if (reply.status() == 200) {
                        JsonNode view = reply.json();
                        watch.lowestAvailable.accumulateAndGet(view.get("available").asInt(), Math::min);
                        if (view.get("reserved").asInt() > view.get("onHand").asInt()) {
                            watch.reservedAboveOnHand.set(true);
                        }
                    }
                }
            }, "stock-watch");
            watch.thread.start();
            return watch;
        }

        void stop() {
            running.set(false);
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        int lowestAvailable() {
            return lowestAvailable.get();
        }

        boolean reservedAboveOnHand() {
            return reservedAboveOnHand.get();
        }
    }
}
