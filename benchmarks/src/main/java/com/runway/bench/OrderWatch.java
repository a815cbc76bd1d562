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
 * that breaks is reopened (and counted). A decision the stream has not shown within {@link #PATIENCE}
 * is read from the order itself, as a page whose live updates went quiet would do, and counted: the
 * time noted is then when it was read (later than the decision), and a stream that loses updates shows
 * in the figures instead of stalling the run.
 */
final class OrderWatch implements AutoCloseable {

    record Seen(long visibleAt, long decidedAt, String status) {
    }

    private final Map<String, Seen> seen = new ConcurrentHashMap<>();
    private final Map<String, java.util.concurrent.CompletableFuture<Void>> decisions = new ConcurrentHashMap<>();
    private final AtomicBoolean open = new AtomicBoolean(true);
    static final java.time.Duration PATIENCE = java.time.Duration.ofSeconds(10);
    private final AtomicInteger reconnects = new AtomicInteger();
    private final AtomicInteger readDirectly = new AtomicInteger();
    private final Http http;
    private final Thread reader;
    private volatile HttpResponse<Stream<String>> response;

    OrderWatch(Http http) throws InterruptedException {
        this.http = http;
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
        JsonNode view;
        try {
            view = Http.JSON.readTree(line.substring(5));
        } catch (Exception notAnOrder) {
            return;
        }
        note(view);
    }

    private void note(JsonNode view) {
        long now = System.nanoTime();
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

    /**
     * Waits until {@code deadline} (nanoTime) for the order's decision; once the stream has been quiet
     * about it for {@link #PATIENCE}, reads the order itself, and again every {@link #PATIENCE}.
     */
    boolean awaitDecision(String orderId, long deadline) throws InterruptedException {
        while (System.nanoTime() < deadline) {
            long wait = Math.min(PATIENCE.toNanos(), deadline - System.nanoTime());
            try {
                decision(orderId).get(Math.max(1, wait), java.util.concurrent.TimeUnit.NANOSECONDS);
                return true;
            } catch (java.util.concurrent.TimeoutException quiet) {
                if (readDecision(orderId)) {
                    return true;
                }
            } catch (java.util.concurrent.ExecutionException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
        return false;
    }

    /** Reads the order; true (and noted, and counted) if it shows a decision the stream has not. */
    boolean readDecision(String orderId) {
        Http.Reply reply;
        try {
            reply = http.get("/api/orders/" + orderId);
        } catch (RuntimeException unreachable) {
            return false;
        }
        if (reply.status() != 200 || reply.json().path("status").asText().equals("PLACED")) {
            return false;
        }
        if (!decision(orderId).isDone()) {
            readDirectly.incrementAndGet();
            note(reply.json());
        }
        return true;
    }

    /** Decisions the stream did not show in time, read from the order instead. */
    int readDirectly() {
        return readDirectly.get();
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
