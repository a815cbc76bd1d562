package com.runway.standalone;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStoreException;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Tracking readers at the same place in the event store share each batch: one query, and one
 * deserialization of each event, however many processors read it. Rebuilding the read models
 * together had each processor query and deserialize the whole store for itself.
 * <p>
 * Only a batch that starts at the beginning or after a token without gaps is shared: what such a
 * reader gets next depends on the store alone, so every reader holding that token would read the
 * same events with the same tokens. A reader whose token still waits on gaps reads for itself. The
 * last {@code window} batches read are kept for readers a little behind.
 * <p>
 * Readers that began at the start of the store (rebuilds) keep pace with each other: one about to
 * query the store while another rebuild is more than {@code maxLead} index values behind it waits
 * for that one, unless it has taken nothing for {@link #IDLE} (stopped, or failing). Left alone, the
 * lightest read model ran ahead, the others fell out of the window and read for themselves, and the
 * batches kept for them only lived long enough to cost the collector: the three rebuilds took longer
 * shared than not. Waiting costs the rebuilds nothing (they finish when the slowest does) and gives
 * its processor time to the others. Readers that did not begin at the start never wait.
 */
final class SharedTrackedReads {

    static final long IDLE = TimeUnit.SECONDS.toNanos(2);
    private static final long PACE_CHECK_MILLIS = 50;

    private final Function<TrackingToken, List<? extends TrackedEventMessage<?>>> store;
    private final Supplier<TrackingToken> tail;
    private volatile TrackingToken knownTail;
    private final int window;
    private final long maxLead;
    private final ConcurrentHashMap<From, CompletableFuture<List<? extends TrackedEventMessage<?>>>> batches = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<From> kept = new ConcurrentLinkedQueue<>();
    private final AtomicInteger keptCount = new AtomicInteger();
    private final Set<Batches> rebuilds = ConcurrentHashMap.newKeySet();
    private final Object progress = new Object();
    private final LongAdder read = new LongAdder();
    private final LongAdder shared = new LongAdder();
    private final LongAdder pacedNanos = new LongAdder();

    /** The token a batch starts after; a record, because the first batch starts after none. */
    private record From(TrackingToken token) {
    }

    /**
     * @param store   reads the batch after a token (null: from the start) from the store, deserializable
     * @param tail    the token before the store's first event (null when it holds none)
     * @param window  how many of the batches read last are kept for other readers; 0 shares none
     * @param maxLead how many index values a rebuild may run ahead of another before it waits
     */
    SharedTrackedReads(Function<TrackingToken, List<? extends TrackedEventMessage<?>>> store, Supplier<TrackingToken> tail,
                       int window, long maxLead) {
        if (window < 0 || maxLead < 1) {
            throw new IllegalArgumentException("shared reads need a window of at least 0 batches and a lead of at least 1, not "
                    + window + " and " + maxLead);
        }
        this.store = store;
        this.tail = tail;
        this.window = window;
        this.maxLead = maxLead;
    }

    /** The events after a token, batch by batch, as the store's own reader gives them: it ends at the first empty batch. */
    Stream<TrackedEventMessage<?>> after(TrackingToken token) {
        Batches reader = new Batches(token, window > 0 && dependsOnTheStoreAlone(token) && position(token) <= position(tail()));
        if (reader.rebuild) {
            rebuilds.add(reader);
        }
        return StreamSupport.stream(reader, false).onClose(() -> leave(reader));
    }

    /**
     * The store's tail, asked once it holds an event: Axon's event store opens a stream on every fetch
     * of its tailing producer, so asking each time was a query more per fetch of the live flow. Events
     * are never deleted here, so the first event stays first.
     */
    private TrackingToken tail() {
        TrackingToken known = knownTail;
        if (known == null) {
            known = tail.get();
            knownTail = known;
        }
        return known;
    }

    /** Batches the readers queried the store for. */
    long batchesRead() {
        return read.sum();
    }

    /** Batches a reader took from another reader's query. */
    long batchesShared() {
        return shared.sum();
    }

    /** Time rebuilds spent waiting for slower ones, in seconds. */
    double secondsPaced() {
        return pacedNanos.sum() / 1e9;
    }

    List<? extends TrackedEventMessage<?>> batchAfter(TrackingToken token) {
        return batchAfter(token, null);
    }

    private List<? extends TrackedEventMessage<?>> batchAfter(TrackingToken token, Batches reader) {
        if (window == 0 || !dependsOnTheStoreAlone(token)) {
            return readFromStore(token);
        }
        From from = new From(token);
        while (true) {
            CompletableFuture<List<? extends TrackedEventMessage<?>>> theirs = batches.get(from);
            if (theirs == null) {
                if (reader != null && reader.rebuild) {
                    keepPace(reader);
                }
                CompletableFuture<List<? extends TrackedEventMessage<?>>> mine = new CompletableFuture<>();
                theirs = batches.putIfAbsent(from, mine);
                if (theirs == null) {
                    return readAndKeep(from, mine);
                }
            }
            List<? extends TrackedEventMessage<?>> batch = outcomeOf(theirs);
            if (batch != null) {
                shared.increment();
                return batch;
            }
        }
    }

    private void keepPace(Batches reader) {
        if (!anotherRebuildFarBehind(reader)) {
            return;
        }
        long started = System.nanoTime();
        try {
            synchronized (progress) {
                while (anotherRebuildFarBehind(reader)) {
                    progress.wait(PACE_CHECK_MILLIS);
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new EventStoreException("Interrupted while waiting for a slower rebuild", interrupted);
        } finally {
            pacedNanos.add(System.nanoTime() - started);
        }
    }

    private boolean anotherRebuildFarBehind(Batches reader) {
        long now = System.nanoTime();
        for (Batches other : rebuilds) {
            if (other != reader && now - other.lastTaken < IDLE && reader.position - other.position > maxLead) {
                return true;
            }
        }
        return false;
    }

    private void leave(Batches reader) {
        rebuilds.remove(reader);
        synchronized (progress) {
            progress.notifyAll();
        }
    }

    private List<? extends TrackedEventMessage<?>> readAndKeep(From from, CompletableFuture<List<? extends TrackedEventMessage<?>>> mine) {
        try {
            List<? extends TrackedEventMessage<?>> batch = readFromStore(from.token());
            mine.complete(batch);
            if (batch.isEmpty()) {
                batches.remove(from, mine);
            } else {
                keep(from);
            }
            return batch;
        } catch (RuntimeException | Error failure) {
            batches.remove(from, mine);
            mine.completeExceptionally(failure);
            throw failure;
        }
    }

    private static boolean dependsOnTheStoreAlone(TrackingToken token) {
        return token == null || token instanceof GapAwareTrackingToken gapAware && gapAware.getGaps().isEmpty();
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }

    private List<? extends TrackedEventMessage<?>> readFromStore(TrackingToken token) {
        List<? extends TrackedEventMessage<?>> batch = store.apply(token);
        read.increment();
        return batch;
    }

    /** The other reader's batch, or null if its query failed (its batch is no longer kept, so this reader queries again). */
    private static List<? extends TrackedEventMessage<?>> outcomeOf(CompletableFuture<List<? extends TrackedEventMessage<?>>> theirs) {
        try {
            return theirs.get();
        } catch (ExecutionException failed) {
            return null;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new EventStoreException("Interrupted while waiting for another reader's batch of events", interrupted);
        }
    }

    private void keep(From from) {
        kept.add(from);
        if (keptCount.incrementAndGet() > window) {
            From oldest = kept.poll();
            if (oldest != null) {
                keptCount.decrementAndGet();
                batches.remove(oldest);
            }
        }
    }

    /** Like the store's own reader: the next batch starts after the last event handed out, and an empty one ends the stream for now. */
    private final class Batches extends Spliterators.AbstractSpliterator<TrackedEventMessage<?>> {

        private final boolean rebuild;
        private TrackingToken last;
        private volatile long position;
        private volatile long lastTaken = System.nanoTime();
        private Iterator<? extends TrackedEventMessage<?>> batch = Collections.emptyIterator();

        Batches(TrackingToken from, boolean rebuild) {
            super(Long.MAX_VALUE, NONNULL | ORDERED | DISTINCT);
            this.last = from;
            this.position = position(from);
            this.rebuild = rebuild;
        }

        @Override
        public boolean tryAdvance(Consumer<? super TrackedEventMessage<?>> action) {
            if (!batch.hasNext()) {
                List<? extends TrackedEventMessage<?>> next = batchAfter(last, this);
                if (next.isEmpty()) {
                    return false;
                }
                batch = next.iterator();
                took(next.get(next.size() - 1));
            }
            TrackedEventMessage<?> next = batch.next();
            last = next.trackingToken();
            action.accept(next);
            return true;
        }

        /** Where this reader will be once it has handled the batch it just took. */
        private void took(TrackedEventMessage<?> lastOfBatch) {
            position = position(lastOfBatch.trackingToken());
            lastTaken = System.nanoTime();
            if (rebuild) {
                synchronized (progress) {
                    progress.notifyAll();
                }
            }
        }
    }
}
