package com.runway.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Watches every order change on the live stream a UI would use ({@code GET /api/orders/updates}) and
 * notes when each order first became visible in the read model and when it was decided. A stream
 * that breaks is reopened (and counted); the end-of-run check reads every order anyway.
 */
final class OrderWatch implements AutoCloseable {

    record Seen(long visibleAt, long decidedAt, String status) {
    }

    private final Map<String, Seen> seen = new ConcurrentHashMap<>();
    private final Map<String, java.util.concurrent.CompletableFuture<Void>> decisions = new ConcurrentHashMap<>();
    private final AtomicBoolean open = new AtomicBoolean(true);
    private final AtomicInteger reconnects = new AtomicInteger();
    private final Thread reader;
    private volatile HttpResponse<Stream<String>> response;

    OrderWatch(Http http) throws InterruptedException {
        java.util.concurrent.CountDownLatch connected = new java.util.concurrent.CountDownLatch(1);
        reader = new Thread(() -> {
            while (open.get()) {
                try {
                    response = http.stream("/api/orders/updates?size=1");
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("updates stream answered " + response.statusCode());
                    }
                    connected.countDown();
                    response.body().forEach(this::onLine);
                } catch (Exception broken) {
                    if (!open.get()) {
                        return;
                    }
                }
                if (open.get()) {
                    reconnects.incrementAndGet();
                }
            }
        }, "order-watch");
        reader.setDaemon(true);
        reader.start();
        if (!connected.await(30, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new IllegalStateException("the updates stream did not open");
        }
    }

    private void onLine(String line) {
        if (!line.startsWith("data:")) {
            return;
        }
        long now = System.nanoTime();
        JsonNode view;
        try {
            view = Http.JSON.readTree(line.substring(5));
        } catch (Exception notAnOrder) {
            return;
        }
        String status = view.path("status").asText();
        boolean decided = !status.equals("PLACED");
        String orderId = view.path("orderId").asText();
        seen.compute(orderId, (id, before) -> {
            if (before == null) {
                return new Seen(now, decided ? now : 0, status);
            }
            return before.decidedAt() != 0 || !decided ? before : new Seen(before.visibleAt(), now, status);
        });
        if (decided) {
            decision(orderId).complete(null);
        }
    }

    /** Completes when the order shows a decision on the stream. */
    java.util.concurrent.CompletableFuture<Void> decision(String orderId) {
        return decisions.computeIfAbsent(orderId, id -> new java.util.concurrent.CompletableFuture<>());
    }

    Seen seen(String orderId) {
        return seen.get(orderId);
    }

    int reconnects() {
        return reconnects.get();
    }

    @Override
    public void close() {
        open.set(false);
        HttpResponse<Stream<String>> current = response;
        if (current != null) {
            current.body().close();
        }
        reader.interrupt();
    }
}
