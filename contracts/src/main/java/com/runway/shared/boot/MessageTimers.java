package com.runway.shared.boot;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The timers of Axon's {@code MessageTimerMonitor} (same names, tags, percentiles and expiry), found
 * once per payload type instead of four registry look-ups per message; see {@link MessageCounters}.
 */
public final class MessageTimers implements MessageMonitor<Message<?>> {

    private static final Duration EXPIRY = Duration.ofMinutes(10);
    private static final double[] PERCENTILES = {0.5, 0.75, 0.95, 0.98, 0.99, 0.999};
    private final String prefix;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Function<Class<?>, Iterable<Tag>> tagsOfPayloadType;
    private final Map<Class<?>, Timers> byPayloadType = new ConcurrentHashMap<>();

    private record Timers(Timer all, Timer success, Timer failure, Timer ignored) {
    }

    public MessageTimers(String prefix, MeterRegistry registry, Function<Class<?>, Iterable<Tag>> tagsOfPayloadType) {
        this.prefix = prefix;
        this.registry = registry;
        this.clock = registry.config().clock();
        this.tagsOfPayloadType = tagsOfPayloadType;
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        Timers timers = byPayloadType.computeIfAbsent(message.getPayloadType(), this::register);
        long start = clock.monotonicTime();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                record(timers.success);
            }

            @Override
            public void reportFailure(Throwable cause) {
                record(timers.failure);
            }

            @Override
            public void reportIgnored() {
                record(timers.ignored);
            }

            private void record(Timer outcome) {
                long nanos = clock.monotonicTime() - start;
                timers.all.record(nanos, TimeUnit.NANOSECONDS);
                outcome.record(nanos, TimeUnit.NANOSECONDS);
            }
        };
    }

    private Timers register(Class<?> payloadType) {
        Iterable<Tag> tags = tagsOfPayloadType.apply(payloadType);
        return new Timers(timer("allTimer", tags), timer("successTimer", tags), timer("failureTimer", tags), timer("ignoredTimer", tags));
    }

    private Timer timer(String name, Iterable<Tag> tags) {
        return Timer.builder(prefix + "." + name).distributionStatisticExpiry(EXPIRY).publishPercentiles(PERCENTILES).tags(tags)
                .register(registry);
    }
}
