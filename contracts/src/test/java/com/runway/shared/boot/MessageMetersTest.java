package com.runway.shared.boot;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.queryhandling.QueryBus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class MessageMetersTest {

    private enum Outcome { SUCCESS, FAILURE, IGNORED }

    private record Handled(Object payload, Duration busy, Outcome outcome) {
    }

    private static final List<Handled> TRAFFIC = List.of(
            new Handled("placed", Duration.ofMillis(3), Outcome.SUCCESS),
            new Handled("placed", Duration.ofMillis(40), Outcome.SUCCESS),
            new Handled(42, Duration.ofMillis(7), Outcome.FAILURE),
            new Handled("placed", Duration.ofMillis(1), Outcome.IGNORED),
            new Handled(42L, Duration.ofMillis(12), Outcome.SUCCESS),
            new Handled(42, Duration.ofMillis(2), Outcome.IGNORED));

    @Test
    void countersAndTimersReadAsAxonsOwnAfterTheSameMessages() {
        for (Class<?> component : new Class<?>[]{EventProcessor.class, CommandBus.class, QueryBus.class, EventBus.class}) {
            MockClock axonsClock = new MockClock();
            MockClock oursClock = new MockClock();
            MeterRegistry axons = new SimpleMeterRegistry(SimpleConfig.DEFAULT, axonsClock);
            MeterRegistry ours = new SimpleMeterRegistry(SimpleConfig.DEFAULT, oursClock);
            @SuppressWarnings("unchecked")
            MessageMonitor<Message<?>> axonMonitor = (MessageMonitor<Message<?>>) new GlobalMetricRegistry(axons)
                    .registerComponentWithDefaultTags(component, "orders");
            MessageMonitor<Message<?>> ourMonitor = RunwayMetrics.monitorOf(ours, component, "orders");

            for (Handled handled : TRAFFIC) {
                Message<?> message = GenericEventMessage.asEventMessage(handled.payload());
                handle(axonMonitor, axonsClock, message, handled);
                handle(ourMonitor, oursClock, message, handled);
            }

            assertThat(readings(ours)).as(component.getSimpleName()).isEqualTo(readings(axons))
                    .containsKey(component == EventBus.class ? "orders.ingestedCounter[]" : someCounterOf(component));
        }
    }

    @Test
    void aPayloadTypesMetersAreRegisteredOnceAndKeepCounting() {
        MeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, new MockClock());
        MessageCounters counters = new MessageCounters("commandBus", registry, type -> Tags.of("payloadType", type.getSimpleName()));
        MessageTimers timers = new MessageTimers("commandBus", registry, type -> Tags.of("payloadType", type.getSimpleName()));
        for (int i = 0; i < 1_000; i++) {
            Message<?> message = GenericEventMessage.asEventMessage(i % 2 == 0 ? "even" : (Object) i);
            counters.onMessageIngested(message).reportSuccess();
            timers.onMessageIngested(message).reportSuccess();
        }

        assertThat(registry.find("commandBus.successCounter").counters()).hasSize(2);
        assertThat(registry.get("commandBus.successCounter").tag("payloadType", "String").counter().count()).isEqualTo(500);
        assertThat(registry.get("commandBus.allTimer").tag("payloadType", "Integer").timer().count()).isEqualTo(500);
        assertThat(registry.getMeters().stream().filter(m -> m instanceof Counter)).hasSize(2 * 5);
        assertThat(registry.getMeters().stream().filter(m -> m instanceof Timer)).hasSize(2 * 4);
    }

    @Test
    void aTimerRecordsTheTimeFromIngestionToTheOutcomeOnTheRegistrysClock() {
        MockClock clock = new MockClock();
        MeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
        MessageTimers timers = new MessageTimers("commandBus", registry, type -> Tags.empty());
        for (Handled handled : TRAFFIC) {
            handle(timers, clock, GenericEventMessage.asEventMessage(handled.payload()), handled);
        }

        assertThat(registry.get("commandBus.allTimer").timer().totalTime(TimeUnit.MILLISECONDS)).isEqualTo(65.0);
        assertThat(registry.get("commandBus.successTimer").timer().totalTime(TimeUnit.MILLISECONDS)).isEqualTo(55.0);
        assertThat(registry.get("commandBus.failureTimer").timer().totalTime(TimeUnit.MILLISECONDS)).isEqualTo(7.0);
        assertThat(registry.get("commandBus.ignoredTimer").timer().count()).isEqualTo(2);
    }

    private static String someCounterOf(Class<?> component) {
        String prefix = component == EventProcessor.class ? "eventProcessor" : "orders";
        Tags tags = component == EventProcessor.class
                ? Tags.of("payloadType", "String", "processorName", "orders") : Tags.of("payloadType", "String");
        return prefix + ".successCounter" + tags;
    }

    private static void handle(MessageMonitor<Message<?>> monitor, MockClock clock, Message<?> message, Handled handled) {
        MessageMonitor.MonitorCallback callback = monitor.onMessageIngested(message);
        clock.add(handled.busy());
        switch (handled.outcome()) {
            case SUCCESS -> callback.reportSuccess();
            case FAILURE -> callback.reportFailure(new IllegalStateException("refused"));
            case IGNORED -> callback.reportIgnored();
        }
    }

    /**
     * Every meter by name and tags, with each counter's count and each timer's count and percentiles. Not
     * the times: Axon's timers read the system clock, not the registry's.
     */
    private static Map<String, String> readings(MeterRegistry registry) {
        Map<String, String> readings = new TreeMap<>();
        for (Meter meter : registry.getMeters()) {
            String reading = meter instanceof Counter counter ? "count=" + counter.count()
                    : meter instanceof Timer timer ? "count=" + timer.count() + " phi=" + Arrays.stream(timer.takeSnapshot().percentileValues())
                    .map(ValueAtPercentile::percentile).toList()
                    : meter.getId().getType().toString();
            readings.put(meter.getId().getName() + Tags.of(meter.getId().getTags()), reading);
        }
        return readings;
    }
}
