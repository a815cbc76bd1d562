package com.runway.bench;

import com.runway.bench.Workload.PlannedOrder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntPredicate;

/**
 * Places orders and follows each to its decision. Closed loop: {@code concurrency} clients each
 * place an order and wait until it is decided (as a checkout page waits for the confirmation)
 * before placing the next, which finds the peak the whole flow sustains without letting a backlog
 * grow (a client that only waited for the 202 would pile orders up faster than the saga decides
 * them, until their payment timeouts fire before the saga gets to them). Fixed rate: orders leave on a
 * schedule whatever the answers do, and each latency counts from its scheduled moment, so a stall
 * shows in the figures instead of silently slowing the sender.
 */
final class LoadPhase {

    record Placed(String orderId, PlannedOrder order, long sentAt, long answeredAt) {
    }

    record Result(String name, List<Placed> accepted, Map<Integer, Integer> refusals, long startedAt, long lastAnsweredAt,
                  long lastDecidedAt, List<String> undecided, Latencies post, Latencies visible, Latencies confirmed) {

        double acceptedPerSecond() {
            return accepted.size() / seconds(lastAnsweredAt - startedAt);
        }

        double decidedPerSecond() {
            return (accepted.size() - undecided.size()) / secondsToLastDecision();
        }

        /** From the phase's start to the last decision of its orders. */
        double secondsToLastDecision() {
            return seconds(lastDecidedAt - startedAt);
        }

        private static double seconds(long nanos) {
            return Math.max(nanos, 1) / 1e9;
        }
    }

    private final Http http;
    private final OrderWatch watch;
    private final Workload workload;
    private final String run;
    private final Duration timeout;
    private final Queue<Placed> accepted = new ConcurrentLinkedQueue<>();
    private final Map<Integer, Integer> refusals = new ConcurrentHashMap<>();
    private int nextIndex;

    LoadPhase(Http http, OrderWatch watch, Workload workload, String run, Duration timeout) {
        this.http = http;
        this.watch = watch;
        this.workload = workload;
        this.run = run;
        this.timeout = timeout;
    }

    Result closedLoop(String name, int from, int count, int concurrency) throws InterruptedException {
        return closedLoop(name, from, count, concurrency, placed -> false);
    }

    /**
     * As {@link #closedLoop(String, int, int, int)}, but a client places no further order once
     * {@code enough} holds for the number of orders this phase has started; {@link #nextIndex()} then
     * says where the next phase's orders start.
     */
    Result closedLoop(String name, int from, int count, int concurrency, IntPredicate enough) throws InterruptedException {
        AtomicInteger next = new AtomicInteger(from);
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            Thread client = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < from + count && System.nanoTime() < deadline && !enough.test(i - from);
                     i = next.getAndIncrement()) {
                    PlannedOrder order = workload.plan(i);
                    long sent = System.nanoTime();
                    Http.Reply reply;
                    try {
                        reply = http.post("/api/orders", order.body(run));
                    } catch (RuntimeException failed) {
                        refusals.merge(-1, 1, Integer::sum);
                        continue;
                    }
                    String orderId = record(order, sent, reply);
                    try {
                        if (orderId != null && !watch.awaitDecision(orderId, deadline)) {
                            return;
                        }
                    } catch (InterruptedException stopped) {
                        return;
                    }
                }
            }, "client-" + c);
            clients.add(client);
            client.start();
        }
        for (Thread client : clients) {
            client.join();
        }
        nextIndex = Math.min(next.get(), from + count);
        return finish(name, started);
    }

    /** The first order index after the last closed loop's. */
    int nextIndex() {
        return nextIndex;
    }

    Result fixedRate(String name, int from, int count, double perSecond) throws InterruptedException {
        long interval = (long) (1e9 / perSecond);
        long started = System.nanoTime();
        CountDownLatch answered = new CountDownLatch(count);
        for (int k = 0; k < count; k++) {
            long scheduled = started + k * interval;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            PlannedOrder order = workload.plan(from + k);
            http.sendAsync("POST", "/api/orders", order.body(run)).whenComplete((reply, failure) -> {
                if (failure != null) {
                    refusals.merge(-1, 1, Integer::sum);
                } else {
                    record(order, scheduled, reply);
                }
                answered.countDown();
            });
        }
        if (!answered.await(timeout.toSeconds(), TimeUnit.SECONDS)) {
            refusals.merge(-2, (int) answered.getCount(), Integer::sum);
        }
        return finish(name, started);
    }

    /** The accepted order's id, or null if it was refused. */
    private String record(PlannedOrder order, long sent, Http.Reply reply) {
        long answeredAt = System.nanoTime();
        if (reply.status() != 202) {
            refusals.merge(reply.status(), 1, Integer::sum);
            return null;
        }
        String orderId = reply.json().get("orderId").asText();
        accepted.add(new Placed(orderId, order, sent, answeredAt));
        return orderId;
    }

    /** Waits, bounded, for every accepted order to be decided, then takes the figures. */
    private Result finish(String name, long started) throws InterruptedException {
        List<Placed> placed = new ArrayList<>(accepted);
        accepted.clear();
        long lastAnswered = placed.stream().mapToLong(Placed::answeredAt).max().orElse(started);
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> undecided;
        long readAfter = System.nanoTime() + OrderWatch.PATIENCE.toNanos();
        do {
            undecided = placed.stream().map(Placed::orderId)
                    .filter(id -> watch.seen(id) == null || watch.seen(id).decidedAt() == 0).toList();
            if (!undecided.isEmpty() && System.nanoTime() > readAfter) {
                undecided = undecided.stream().filter(id -> !watch.readDecision(id)).toList();
                readAfter = System.nanoTime() + OrderWatch.PATIENCE.toNanos();
            }
            if (!undecided.isEmpty()) {
                Thread.sleep(100);
            }
        } while (!undecided.isEmpty() && System.nanoTime() < deadline);
        long lastDecided = placed.stream().map(p -> watch.seen(p.orderId())).filter(s -> s != null && s.decidedAt() != 0)
                .mapToLong(OrderWatch.Seen::decidedAt).max().orElse(started);
        long[] post = placed.stream().mapToLong(p -> p.answeredAt() - p.sentAt()).toArray();
        long[] visible = placed.stream().filter(p -> watch.seen(p.orderId()) != null)
                .mapToLong(p -> watch.seen(p.orderId()).visibleAt() - p.sentAt()).toArray();
        long[] confirmed = placed.stream().filter(p -> watch.seen(p.orderId()) != null && "CONFIRMED".equals(watch.seen(p.orderId()).status()))
                .mapToLong(p -> watch.seen(p.orderId()).decidedAt() - p.sentAt()).toArray();
        Map<Integer, Integer> refused = new TreeMap<>(refusals);
        refusals.clear();
        return new Result(name, placed, refused, started, lastAnswered, lastDecided, undecided,
                Latencies.of(post), Latencies.of(visible), Latencies.of(confirmed));
    }
}
