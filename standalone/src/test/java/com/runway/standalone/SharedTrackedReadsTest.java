package com.runway.standalone;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SharedTrackedReadsTest {

    private static final int BATCH = 100;
    /** A lead no reader here reaches: the tests of sharing alone. */
    private static final long NO_PACING = Long.MAX_VALUE;

    /** A store of events 1..n, read 100 index values at a time like the JDBC engine, counting its queries. */
    private static final class Store implements Function<TrackingToken, List<? extends TrackedEventMessage<?>>> {

        private volatile int events;
        final AtomicInteger queries = new AtomicInteger();
        final AtomicInteger queriesWithEvents = new AtomicInteger();

        Store(int events) {
            this.events = events;
        }

        @Override
        public List<? extends TrackedEventMessage<?>> apply(TrackingToken after) {
            queries.incrementAndGet();
            long from = after == null ? 0 : after.position().orElseThrow();
            Set<Long> gaps = after instanceof GapAwareTrackingToken gapAware ? gapAware.getGaps() : Set.of();
            List<TrackedEventMessage<?>> batch = new ArrayList<>();
            for (long gap : gaps) {
                batch.add(event(gap));
            }
            for (long index = from + 1; index <= Math.min(events, from + BATCH); index++) {
                batch.add(event(index));
            }
            if (!batch.isEmpty()) {
                queriesWithEvents.incrementAndGet();
            }
            return batch;
        }

        private static TrackedEventMessage<?> event(long index) {
            return new GenericTrackedEventMessage<>(GapAwareTrackingToken.newInstance(index, Collections.emptySortedSet()),
                    GenericEventMessage.asEventMessage("event " + index));
        }
    }

    @Test
    void readersStartingTogetherQueryTheStoreOnceForEachBatchAndShareItsEvents() throws Exception {
        Store store = new Store(1_000);
        SharedTrackedReads reads = new SharedTrackedReads(store, () -> null, 16, NO_PACING);
        ExecutorService readers = Executors.newFixedThreadPool(3);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<TrackedEventMessage<?>>>> read = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            read.add(readers.submit(() -> {
                start.await();
                return reads.after(null).toList();
            }));
        }
        start.countDown();
        List<TrackedEventMessage<?>> first = read.get(0).get(10, TimeUnit.SECONDS);
        readers.shutdown();

        assertThat(first).hasSize(1_000);
        assertThat(first.get(999).getPayload()).isEqualTo("event 1000");
        for (Future<List<TrackedEventMessage<?>>> other : read) {
            List<TrackedEventMessage<?>> events = other.get(10, TimeUnit.SECONDS);
            for (int i = 0; i < first.size(); i++) {
                assertThat(events.get(i)).isSameAs(first.get(i));
            }
        }
        assertThat(store.queriesWithEvents).hasValue(10);
        assertThat(reads.batchesShared()).isGreaterThanOrEqualTo(20);
    }

    @Test
    void aReaderAFewBatchesBehindAnotherTakesTheirBatches() {
        Store store = new Store(1_000);
        SharedTrackedReads reads = new SharedTrackedReads(store, () -> null, 3, NO_PACING);
        Iterator<TrackedEventMessage<?>> ahead = reads.after(null).iterator();
        Iterator<TrackedEventMessage<?>> behind = reads.after(null).iterator();
        List<Object> seenBehind = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            ahead.next();
        }
        boolean aheadAtTheEnd = false;
        while (behind.hasNext()) {
            seenBehind.add(behind.next().getPayload());
            if (!aheadAtTheEnd && ahead.hasNext()) {
                ahead.next();
            } else {
                aheadAtTheEnd = true;
            }
        }

        assertThat(seenBehind).hasSize(1_000).startsWith("event 1", "event 2").endsWith("event 1000");
        assertThat(reads.batchesShared()).isEqualTo(10);
        assertThat(store.queries).hasValue(10 + 2);
    }

    @Test
    void aReaderFurtherBehindThanTheWindowReadsTheSameEventsFromTheStore() {
        Store store = new Store(1_000);
        SharedTrackedReads reads = new SharedTrackedReads(store, () -> null, 3, NO_PACING);
        List<TrackedEventMessage<?>> first = reads.after(null).toList();
        List<TrackedEventMessage<?>> later = reads.after(null).toList();

        assertThat(later).extracting(TrackedEventMessage::trackingToken)
                .containsExactlyElementsOf(first.stream().map(TrackedEventMessage::trackingToken).toList());
        assertThat(later.get(0)).isNotSameAs(first.get(0));
        assertThat(reads.batchesShared()).isZero();
        assertThat(store.queries).hasValue(2 * (10 + 1));
    }

    @Test
    void aReaderWhoseTokenWaitsOnGapsReadsForItself() {
        Store store = new Store(1_000);
        SharedTrackedReads reads = new SharedTrackedReads(store, () -> null, 16, NO_PACING);
        TrackingToken waitingOnGaps = GapAwareTrackingToken.newInstance(250, new TreeSet<>(List.of(245L)));

        List<? extends TrackedEventMessage<?>> once = reads.batchAfter(waitingOnGaps);
        List<? extends TrackedEventMessage<?>> again = reads.batchAfter(waitingOnGaps);

        assertThat(once).hasSize(101);
        assertThat(once.get(0).getPayload()).isEqualTo("event 245");
        assertThat(again.get(0)).isNotSameAs(once.get(0));
        assertThat(store.queries).hasValue(2);
        assertThat(reads.batchesShared()).isZero();
    }

    @Test
    void anEmptyBatchEndsTheStreamAndIsNotKeptSoLaterEventsAreFound() {
        Store store = new Store(150);
        SharedTrackedReads reads = new SharedTrackedReads(store, () -> null, 16, NO_PACING);
        List<TrackedEventMessage<?>> before = reads.after(null).toList();
        store.events = 180;
        List<TrackedEventMessage<?>> after = reads.after(before.get(149).trackingToken()).toList();

        assertThat(before).hasSize(150);
        assertThat(after.stream().map(event -> (Object) event.getPayload()).toList()).hasSize(30).startsWith("event 151").endsWith("event 180");
    }

    @Test
    void aFailedQueryIsNotKeptAndTheNextReaderQueriesAgain() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch fail = new CountDownLatch(1);
        Store healthy = new Store(1_000);
        AtomicInteger calls = new AtomicInteger();
        SharedTrackedReads reads = new SharedTrackedReads(token -> {
            if (calls.incrementAndGet() == 1) {
                inside.countDown();
                await(fail);
                throw new IllegalStateException("connection lost");
            }
            return healthy.apply(token);
        }, () -> null, 16, NO_PACING);
        ExecutorService readers = Executors.newFixedThreadPool(2);
        Future<List<? extends TrackedEventMessage<?>>> failing = readers.submit(() -> reads.batchAfter(null));
        inside.await(10, TimeUnit.SECONDS);
        Future<List<? extends TrackedEventMessage<?>>> waiting = readers.submit(() -> reads.batchAfter(null));
        fail.countDown();

        assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("connection lost");
        assertThat(waiting.get(10, TimeUnit.SECONDS)).hasSize(100);
        assertThat(reads.batchAfter(null)).hasSize(100);
        readers.shutdown();
        assertThat(calls).hasValue(2);
    }

    @Test
    void aWindowOfNoneSharesNothing() {
        Store store = new Store(300);
        SharedTrackedReads reads = new SharedTrackedReads(store, () -> null, 0, NO_PACING);
        reads.after(null).toList();
        reads.after(null).toList();

        assertThat(store.queries).hasValue(2 * (3 + 1));
        assertThat(reads.batchesShared()).isZero();
    }

    @Test
    void aRebuildKeepsPaceWithASlowerOneSoThatEveryBatchIsReadOnce() throws Exception {
        Store store = new Store(2_000);
        SharedTrackedReads reads = new SharedTrackedReads(store, () -> null, 3, 2 * BATCH);
        AtomicLong slowAt = new AtomicLong(-1);
        AtomicLong largestLead = new AtomicLong();
        ExecutorService readers = Executors.newFixedThreadPool(2);
        Future<?> slow = readers.submit(() -> reads.after(null).forEach(event -> {
            slowAt.set(event.trackingToken().position().orElseThrow());
            sleepMillis(1);
        }));
        Future<?> fast = readers.submit(() -> reads.after(null).forEach(event ->
                largestLead.accumulateAndGet(event.trackingToken().position().orElseThrow() - slowAt.get(), Math::max)));
        fast.get(30, TimeUnit.SECONDS);
        slow.get(30, TimeUnit.SECONDS);
        readers.shutdown();

        assertThat(store.queriesWithEvents).as("every batch read from the store once").hasValue(20);
        assertThat(largestLead.get()).isLessThanOrEqualTo(4 * BATCH);
        assertThat(reads.secondsPaced()).isGreaterThan(0.5);
    }

    @Test
    void withoutPacingTheFasterRebuildRunsOutOfTheWindowAndTheSlowerOneReadsAgain() throws Exception {
        Store store = new Store(2_000);
        SharedTrackedReads reads = new SharedTrackedReads(store, () -> null, 3, NO_PACING);
        ExecutorService readers = Executors.newFixedThreadPool(2);
        Future<?> slow = readers.submit(() -> reads.after(null).forEach(event -> sleepMillis(1)));
        Future<?> fast = readers.submit(() -> reads.after(null).forEach(event -> { }));
        fast.get(30, TimeUnit.SECONDS);
        slow.get(30, TimeUnit.SECONDS);
        readers.shutdown();

        assertThat(store.queriesWithEvents.get()).isGreaterThan(30);
    }

    @Test
    void aRebuildThatStopsTakingEventsHoldsTheOthersBackNoLongerThanItsIdleTime() {
        Store store = new Store(2_000);
        SharedTrackedReads reads = new SharedTrackedReads(store, () -> null, 3, 2 * BATCH);
        Iterator<TrackedEventMessage<?>> stalled = reads.after(null).iterator();
        stalled.next();
        long started = System.nanoTime();

        assertThat(reads.after(null).toList()).hasSize(2_000);
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(seconds).isBetween(SharedTrackedReads.IDLE / 1e9 * 0.9, SharedTrackedReads.IDLE / 1e9 + 5);
    }

    @Test
    void aClosedRebuildHoldsNobodyBackAndAReaderNotFromTheStartNeverWaits() {
        Store store = new Store(2_000);
        SharedTrackedReads reads = new SharedTrackedReads(store, () -> null, 3, 2 * BATCH);
        Stream<TrackedEventMessage<?>> stalledRebuild = reads.after(null);
        stalledRebuild.iterator().next();

        List<TrackedEventMessage<?>> live = reads.after(GapAwareTrackingToken.newInstance(500, Collections.emptySortedSet())).toList();
        assertThat(live).hasSize(1_500);
        assertThat(reads.secondsPaced()).isZero();

        stalledRebuild.close();
        assertThat(reads.after(null).toList()).hasSize(2_000);
        assertThat(reads.secondsPaced()).isLessThan(0.5);
    }

    @Test
    void theStoresTailIsAskedForUntilTheStoreHoldsAnEventThenNeverAgain() {
        Store store = new Store(300);
        AtomicInteger tailQueries = new AtomicInteger();
        AtomicLong tail = new AtomicLong(-1);
        SharedTrackedReads reads = new SharedTrackedReads(store, () -> {
            tailQueries.incrementAndGet();
            return tail.get() < 0 ? null : GapAwareTrackingToken.newInstance(tail.get(), Collections.emptySortedSet());
        }, 3, 2 * BATCH);
        reads.after(null).close();
        reads.after(null).close();
        tail.set(0);
        for (int i = 0; i < 5; i++) {
            reads.after(GapAwareTrackingToken.newInstance(100L * i, Collections.emptySortedSet())).close();
        }

        assertThat(tailQueries).hasValue(3);
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
