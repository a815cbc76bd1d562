package com.runway.bench;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The watch against a live stream that stays open but goes quiet, as one did in a benchmark run. */
class OrderWatchTest {

    private final CountDownLatch closing = new CountDownLatch(1);
    private HttpServer server;
    private volatile String status = "PLACED";

    @BeforeEach
    void quietStreamAndAnOrder() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/orders/updates", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(":keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
                body.flush();
                closing.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        });
        server.createContext("/api/orders/ord-1", exchange -> {
            byte[] order = ("{\"orderId\":\"ord-1\",\"status\":\"" + status + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, order.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(order);
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        closing.countDown();
        server.stop(0);
    }

    @Test
    void aDecisionTheStreamNeverShowsIsReadFromTheOrderAndCounted() throws Exception {
        try (OrderWatch watch = new OrderWatch(new Http(server.getAddress().getPort(), "token"))) {
            status = "CONFIRMED";
            long started = System.nanoTime();

            assertThat(watch.awaitDecision("ord-1", started + TimeUnit.SECONDS.toNanos(30))).isTrue();

            assertThat(System.nanoTime() - started).as("it waits for the stream first").isGreaterThanOrEqualTo(OrderWatch.PATIENCE.toNanos());
            assertThat(watch.readDirectly()).isEqualTo(1);
            assertThat(watch.seen("ord-1").status()).isEqualTo("CONFIRMED");
            assertThat(watch.seen("ord-1").decidedAt()).isPositive();
        }
    }

    @Test
    void anOrderStillUndecidedIsWaitedForUntilTheDeadline() throws Exception {
        try (OrderWatch watch = new OrderWatch(new Http(server.getAddress().getPort(), "token"))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);

            assertThat(watch.awaitDecision("ord-1", deadline)).isFalse();

            assertThat(System.nanoTime()).isGreaterThanOrEqualTo(deadline);
            assertThat(watch.readDirectly()).isZero();
        }
    }
}
