package com.runway.gateway;

import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.Exceptions;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Sinks;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class LiveUpdatesTest {

    /** What Axon's query update emitter uses per subscription. */
    private final Sinks.Many<Integer> sink = Sinks.many().replay().limit(256);

    @Test
    void theEmittingThreadOnlyQueuesAnUpdateWhileTheClientIsBusyWritingTheLastOne() throws InterruptedException {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> written = new CopyOnWriteArrayList<>();
        AtomicReference<Thread> writer = new AtomicReference<>();
        LiveUpdates.handedOver(sink.asFlux(), 16, "test").subscribe(update -> {
            writer.set(Thread.currentThread());
            writing.countDown();
            await(release);
            written.add(update);
        });

        assertThat(sink.tryEmitNext(1).isSuccess()).isTrue();
        assertThat(writing.await(5, TimeUnit.SECONDS)).isTrue();
        long before = System.nanoTime();
        for (int update = 2; update <= 10; update++) {
            assertThat(sink.tryEmitNext(update).isSuccess()).isTrue();
        }
        Duration emitting = Duration.ofNanos(System.nanoTime() - before);
        release.countDown();

        assertThat(writer.get()).isNotSameAs(Thread.currentThread());
        assertThat(emitting).isLessThan(Duration.ofSeconds(1));
        awaitSize(written, 10);
        assertThat(written).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    }

    @Test
    void aClientThatFallsTooFarBehindHasItsStreamFailedInsteadOfBufferedForWithoutBound() throws InterruptedException {
        List<Integer> received = new CopyOnWriteArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch ended = new CountDownLatch(1);
        LiveUpdates.handedOver(sink.asFlux(), 16, "test").subscribe(new BaseSubscriber<>() {
            @Override
            protected void hookOnSubscribe(Subscription subscription) {
                subscription.request(1);
            }

            @Override
            protected void hookOnNext(Integer update) {
                received.add(update);
            }

            @Override
            protected void hookOnError(Throwable error) {
                failure.set(error);
                ended.countDown();
            }
        });

        for (int update = 1; update <= 1_000; update++) {
            sink.tryEmitNext(update);
        }

        assertThat(ended.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(Exceptions.isOverflow(failure.get())).isTrue();
        assertThat(received).as("what it asked for, if it came before the failure").isSubsetOf(1);
        assertThat(sink.currentSubscriberCount()).isZero();
    }

    @Test
    void aClientThatKeepsUpGetsEveryUpdateInOrder() throws Exception {
        CompletableFuture<List<Integer>> received = LiveUpdates.handedOver(sink.asFlux(), 1024, "test").take(500).collectList().toFuture();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (sink.currentSubscriberCount() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }

        for (int update = 1; update <= 500; update++) {
            assertThat(sink.tryEmitNext(update).isSuccess()).isTrue();
        }

        assertThat(received.get(10, TimeUnit.SECONDS)).hasSize(500).isSorted().doesNotHaveDuplicates();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitSize(List<?> list, int size) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (list.size() < size && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }
}
