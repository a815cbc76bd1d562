package com.runway.shared.boot;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Axon's capacity gauge ({@code <prefix>.capacity}: time spent handling messages over the last ten
 * minutes, divided by ten minutes; 1.0 is one thread busy throughout), kept in per-10-second sums.
 * Axon's own {@code CapacityMonitor} keeps every message's duration for the whole window, ignored
 * messages included: every event passes every processor, so at ~2,000 events/s the app held millions
 * of entries and they grew for ten minutes, until the collector spent a third of the CPU on them
 * (docs/performance.md, change 30). Same name, tags and meaning; the window moves by whole buckets.
 */
public final class WindowedCapacityMonitor implements MessageMonitor<Message<?>> {

    static final Duration WINDOW = Duration.ofMinutes(10);
    static final int BUCKETS = 60;

    private final String meterName;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Function<Class<?>, Iterable<Tag>> tagsOfPayloadType;
    private final Map<Tags, Window> windows = new ConcurrentHashMap<>();
    /** Payload types with the same tags (the same simple name) share a gauge, as with Axon's. */
    private final Map<Class<?>, Window> byPayloadType = new ConcurrentHashMap<>();

    public WindowedCapacityMonitor(String meterNamePrefix, MeterRegistry registry, Function<Class<?>, Iterable<Tag>> tagsOfPayloadType) {
        this.meterName = meterNamePrefix + ".capacity";
        this.registry = registry;
        this.clock = registry.config().clock();
        this.tagsOfPayloadType = tagsOfPayloadType;
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        Window window = byPayloadType.computeIfAbsent(message.getPayloadType(),
                type -> windows.computeIfAbsent(Tags.of(tagsOfPayloadType.apply(type)), this::register));
        long start = clock.monotonicTime();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                long now = clock.monotonicTime();
                window.add(now, now - start);
            }

            @Override
            public void reportFailure(Throwable cause) {
                reportSuccess();
            }

            @Override
            public void reportIgnored() {
                reportSuccess();
            }
        };
    }

    private Window register(Tags tags) {
        Window window = new Window(WINDOW.toNanos() / BUCKETS, BUCKETS);
        Gauge.builder(meterName, window, w -> w.capacity(clock.monotonicTime())).tags(tags).strongReference(true).register(registry);
        return window;
    }

    /** Busy nanoseconds per bucket of time; a bucket is cleared when time comes round to it again. */
    static final class Window {

        private final long bucketNanos;
        private final long[] busy;
        private final long[] bucketOf;

        Window(long bucketNanos, int buckets) {
            this.bucketNanos = bucketNanos;
            this.busy = new long[buckets];
            this.bucketOf = new long[buckets];
            Arrays.fill(bucketOf, Long.MIN_VALUE);
        }

        synchronized void add(long now, long nanos) {
            long bucket = Math.floorDiv(now, bucketNanos);
            int slot = (int) Math.floorMod(bucket, busy.length);
            if (bucketOf[slot] != bucket) {
                bucketOf[slot] = bucket;
                busy[slot] = 0;
            }
            busy[slot] += nanos;
        }

        /** Busy time in the buckets of the last window, over the window. */
        synchronized double capacity(long now) {
            long current = Math.floorDiv(now, bucketNanos);
            long total = 0;
            for (int slot = 0; slot < busy.length; slot++) {
                if (bucketOf[slot] > current - busy.length && bucketOf[slot] <= current) {
                    total += busy[slot];
                }
            }
            return (double) total / (bucketNanos * busy.length);
        }
    }
}
