package com.runway.shared.boot;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.TagsUtil;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.queryhandling.QueryBus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class WindowedCapacityMonitorTest {

    private final MockClock clock = new MockClock();
    private final MeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
    private final WindowedCapacityMonitor monitor = new WindowedCapacityMonitor("commandBus", registry,
            type -> Tags.of(TagsUtil.PAYLOAD_TYPE_TAG, type.getSimpleName()));

    @Test
    void capacityIsTheTimeSpentHandlingOverTheWindow() {
        handle("order", Duration.ofSeconds(30));
        handle("order", Duration.ofSeconds(30));

        assertThat(capacity("String")).isCloseTo(60.0 / 600, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void ignoredAndFailedMessagesCountAsAxonsMonitorCountsThem() {
        monitor.onMessageIngested(command("a")).reportIgnored();
        MessageMonitor.MonitorCallback failing = monitor.onMessageIngested(command("b"));
        clock.add(Duration.ofSeconds(60));
        failing.reportFailure(new IllegalStateException("refused"));

        assertThat(capacity("String")).isCloseTo(60.0 / 600, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void timeOlderThanTheWindowLeavesIt() {
        handle("order", Duration.ofSeconds(60));
        clock.add(Duration.ofMinutes(5));
        assertThat(capacity("String")).isGreaterThan(0.0);

        clock.add(Duration.ofMinutes(6));
        assertThat(capacity("String")).isZero();

        handle("order", Duration.ofSeconds(6));
        assertThat(capacity("String")).isCloseTo(6.0 / 600, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void oneGaugePerTagSetHoweverManyMessages() {
        for (int i = 0; i < 100_000; i++) {
            handle("order", Duration.ofMillis(1));
        }
        handle(42, Duration.ofMillis(1));

        assertThat(registry.find("commandBus.capacity").gauges()).hasSize(2);
        assertThat(capacity("String")).isCloseTo(100.0 / 600, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void everyComponentGetsTheMetersAxonsDimensionalRegistrationGivesIt() {
        for (Class<?> component : new Class<?>[]{EventProcessor.class, CommandBus.class, QueryBus.class, EventBus.class}) {
            MeterRegistry axons = new SimpleMeterRegistry(SimpleConfig.DEFAULT, new MockClock());
            MeterRegistry ours = new SimpleMeterRegistry(SimpleConfig.DEFAULT, new MockClock());
            Message<?> message = GenericEventMessage.asEventMessage("placed");
            @SuppressWarnings("unchecked")
            MessageMonitor<Message<?>> axonMonitor = (MessageMonitor<Message<?>>) new GlobalMetricRegistry(axons)
                    .registerComponentWithDefaultTags(component, "orders");
            MessageMonitor<Message<?>> ourMonitor = RunwayMetrics.monitorOf(ours, component, "orders");
            axonMonitor.onMessageIngested(message).reportSuccess();
            ourMonitor.onMessageIngested(message).reportSuccess();

            assertThat(meters(ours)).as(component.getSimpleName()).isEqualTo(meters(axons)).isNotEmpty();
        }
        assertThat(meters(registryWithEventProcessorMeters())).contains("eventProcessor.capacity" + Tags.of(
                TagsUtil.PAYLOAD_TYPE_TAG, "String", TagsUtil.PROCESSOR_NAME_TAG, "orders"));
    }

    private MeterRegistry registryWithEventProcessorMeters() {
        MeterRegistry ours = new SimpleMeterRegistry(SimpleConfig.DEFAULT, new MockClock());
        MessageMonitor<Message<?>> monitor = RunwayMetrics.monitorOf(ours, EventProcessor.class, "orders");
        monitor.onMessageIngested(GenericEventMessage.asEventMessage("placed")).reportSuccess();
        return ours;
    }

    private static Set<String> meters(MeterRegistry registry) {
        return registry.getMeters().stream().map(Meter::getId).map(id -> id.getName() + Tags.of(id.getTags()))
                .collect(Collectors.toSet());
    }

    private void handle(Object payload, Duration busy) {
        MessageMonitor.MonitorCallback callback = monitor.onMessageIngested(command(payload));
        clock.add(busy.toNanos(), TimeUnit.NANOSECONDS);
        callback.reportSuccess();
    }

    private static Message<?> command(Object payload) {
        return GenericCommandMessage.asCommandMessage(payload);
    }

    private double capacity(String payloadType) {
        return registry.get("commandBus.capacity").tag(TagsUtil.PAYLOAD_TYPE_TAG, payloadType).gauge().value();
    }
}
