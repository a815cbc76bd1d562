package com.runway.standalone;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Shoppers, a carrier and a warehouse hand driving the API at once, and what each was told: the
 * orders accepted, the requests that got no answer (to retry with the same Idempotency-Key, as a
 * real client would), the restocks acknowledged and tried, and any answer that should never come.
 */
final class Ledger {

    record Attempt(String idempotencyKey, Map<String, Object> order) {
    }

    final Map<String, String> accepted = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> restocksAcknowledged = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> restocksTried = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<String> anomalies = new ConcurrentLinkedQueue<>();
    final Map<String, AtomicInteger> answers = new ConcurrentSkipListMap<>();
    final AtomicBoolean running = new AtomicBoolean(true);
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger retried = new AtomicInteger();
    private final ConcurrentLinkedQueue<Attempt> unanswered = new ConcurrentLinkedQueue<>();
    private final List<String> acceptedIds = Collections.synchronizedList(new ArrayList<>());
    private final int skus;

    Ledger(int skus) {
        this.skus = skus;
    }

    /** Runs until {@link #running} is cleared; a request cut off by a crash is only remembered, never an error. */
    void shop(HttpDriver http, String customer) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (running.get()) {
            double dice = random.nextDouble();
            try {
                requests.incrementAndGet();
                if (dice < 0.70) {
                    place(http, new Attempt(UUID.randomUUID().toString(), order(customer, random)));
                } else if (dice < 0.80) {
                    cancelOne(http, random);
                } else if (dice < 0.95) {
                    carryOne(http, random);
                } else {
                    restockOne(http, random);
                }
            } catch (CompletionException cutOff) {
                // The app is gone: what was in flight is in `unanswered` and is retried after the restart.
            }
            thinkFor(random.nextInt(20, 60));
        }
    }

    private static void thinkFor(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void retryUnanswered(HttpDriver http) {
        for (Attempt attempt; (attempt = unanswered.poll()) != null; ) {
            retried.incrementAndGet();
            place(http, attempt);
        }
    }

    private void place(HttpDriver http, Attempt attempt) {
        unanswered.add(attempt);
        HttpDriver.Reply reply = http.post("/api/orders", attempt.order(), "Idempotency-Key", attempt.idempotencyKey());
        if (reply.status() == 503) {
            return;
        }
        unanswered.remove(attempt);
        if (reply.status() == 202) {
            String orderId = reply.json().get("orderId").asText();
            if (accepted.put(orderId, attempt.idempotencyKey()) == null) {
                acceptedIds.add(orderId);
            }
        } else {
            anomalies.add("place answered " + reply.status() + ": " + reply.body());
        }
    }

    private void cancelOne(HttpDriver http, ThreadLocalRandom random) {
        String orderId = anyAccepted(random);
        if (orderId != null) {
            expect(http.post("/api/orders/" + orderId + "/cancel", null), "cancel", 202, 409);
        }
    }

    /** The carrier collects confirmed orders and delivers shipped ones, as its integration would find them. */
    private void carryOne(HttpDriver http, ThreadLocalRandom random) {
        boolean collect = random.nextBoolean();
        HttpDriver.Reply list = http.get("/api/orders?size=20&status=" + (collect ? "CONFIRMED" : "SHIPPED"));
        if (!expect(list, "list", 200)) {
            return;
        }
        JsonNode waiting = list.json().get("items");
        if (waiting.isEmpty()) {
            return;
        }
        String shipment = "/api/shipments/" + waiting.get(random.nextInt(waiting.size())).get("shipmentId").asText();
        if (collect) {
            expect(http.post(shipment + "/dispatch", null), "dispatch", 202, 409);
        } else {
            expect(http.post(shipment + "/deliver", null), "deliver", 202, 409);
        }
    }

    private void restockOne(HttpDriver http, ThreadLocalRandom random) {
        String sku = CrashRecoveryTest.sku(random.nextInt(skus));
        restocksTried.computeIfAbsent(sku, s -> new AtomicInteger()).addAndGet(5);
        HttpDriver.Reply reply = http.post("/api/skus/" + sku + "/restock", Map.of("quantity", 5));
        if (expect(reply, "restock", 202)) {
            restocksAcknowledged.computeIfAbsent(sku, s -> new AtomicInteger()).addAndGet(5);
        }
    }

    private boolean expect(HttpDriver.Reply reply, String what, int... statuses) {
        answers.computeIfAbsent(what + " " + reply.status(), k -> new AtomicInteger()).incrementAndGet();
        for (int status : statuses) {
            if (reply.status() == status) {
                return true;
            }
        }
        anomalies.add(what + " answered " + reply.status() + ": " + reply.body());
        return false;
    }

    private String anyAccepted(ThreadLocalRandom random) {
        synchronized (acceptedIds) {
            return acceptedIds.isEmpty() ? null : acceptedIds.get(random.nextInt(acceptedIds.size()));
        }
    }

    private Map<String, Object> order(String customer, ThreadLocalRandom random) {
        double dice = random.nextDouble();
        String token = dice < 0.70 ? "tok_visa" : dice < 0.85 ? "tok_declined" : "tok_no_response";
        String country = random.nextDouble() < 0.03 ? "BR" : "PT";
        int first = random.nextInt(skus);
        if (random.nextBoolean()) {
            return RunwayApi.order(customer, token, country, CrashRecoveryTest.sku(first), 1 + random.nextInt(3));
        }
        int second = (first + 1 + random.nextInt(skus - 1)) % skus;
        return RunwayApi.order(customer, token, country, CrashRecoveryTest.sku(first), 1 + random.nextInt(3),
                CrashRecoveryTest.sku(second), 1 + random.nextInt(2));
    }
}
