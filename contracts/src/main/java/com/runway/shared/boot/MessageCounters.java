package com.runway.shared.boot;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The counters of Axon's {@code MessageCountingMonitor} (same names, tags and counts), found once per
 * payload type. Axon's looks its five counters up in the registry for every message, building each
 * name and tag set anew; with seven processors seeing every event that was, with its timers, 3 % of
 * the app's CPU at the peak (docs/performance.md, change 32). So the tags may depend on the payload
 * type only.
 */
public final class MessageCounters implements MessageMonitor<Message<?>> {

    private final String prefix;
    private final MeterRegistry registry;
    private final Function<Class<?>, Iterable<Tag>> tagsOfPayloadType;
    private final Map<Class<?>, Counters> byPayloadType = new ConcurrentHashMap<>();

    private record Counters(Counter ingested, Counter success, Counter failure, Counter processed, Counter ignored) {
    }

    public MessageCounters(String prefix, MeterRegistry registry, Function<Class<?>, Iterable<Tag>> tagsOfPayloadType) {
        this.prefix = prefix;
        this.registry = registry;
        this.tagsOfPayloadType = tagsOfPayloadType;
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        Counters counters = byPayloadType.computeIfAbsent(message.getPayloadType(), this::register);
        counters.ingested.increment();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                counters.processed.increment();
                counters.success.increment();
            }

            @Override
            public void reportFailure(Throwable cause) {
                counters.processed.increment();
                counters.failure.increment();
            }

            @Override
            public void reportIgnored() {
                counters.ignored.increment();
            }
        };
    }

    private Counters register(Class<?> payloadType) {
        Iterable<Tag> tags = tagsOfPayloadType.apply(payloadType);
        return new Counters(counter("ingestedCounter", tags), counter("successCounter", tags), counter("failureCounter", tags),
                counter("processedCounter", tags), counter("ignoredCounter", tags));
    }

    private Counter counter(String name, Iterable<Tag> tags) {
        return registry.counter(prefix + "." + name, tags);
    }
}
