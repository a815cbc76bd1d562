package com.runway.shared.boot;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.axonframework.micrometer.TagsUtil;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.function.Function;

/**
 * Axon's dimensional message monitors, as its Spring Boot auto-configuration registers them (same
 * meters, names and tags), with the capacity gauge kept in {@link WindowedCapacityMonitor} and the
 * counters and timers found once per payload type ({@link MessageCounters}, {@link MessageTimers}). Takes the
 * place of Axon's {@code MetricsConfigurerModule} bean; with {@code axon.metrics.micrometer.dimensional}
 * off, Axon's own registration runs unchanged, and with {@code axon.metrics.auto-configuration.enabled}
 * off, none.
 */
@Configuration(proxyBeanMethods = false)
public class RunwayMetrics {

    @Bean
    static MetricsConfigurerModule metricsConfigurerModule(GlobalMetricRegistry registry,
                                                           org.springframework.core.env.Environment environment) {
        boolean enabled = environment.getProperty("axon.metrics.auto-configuration.enabled", Boolean.class, true);
        boolean dimensional = environment.getProperty("axon.metrics.micrometer.dimensional", Boolean.class, false);
        return new MetricsConfigurerModule(registry, dimensional) {
            @Override
            public void configureModule(Configurer configurer) {
                if (!enabled) {
                    return;
                }
                if (!dimensional) {
                    super.configureModule(configurer);
                    return;
                }
                configurer.configureMessageMonitor(configuration -> (type, name) -> monitorOf(registry.getRegistry(), type, name));
            }
        };
    }

    static MessageMonitor<Message<?>> monitorOf(MeterRegistry registry, Class<?> componentType, String name) {
        Function<Class<?>, Iterable<Tag>> payloadType = type -> Tags.of(TagsUtil.PAYLOAD_TYPE_TAG, type.getSimpleName());
        if (EventProcessor.class.isAssignableFrom(componentType)) {
            String prefix = "eventProcessor";
            Function<Class<?>, Iterable<Tag>> tags = type -> Tags.of(
                    TagsUtil.PAYLOAD_TYPE_TAG, type.getSimpleName(), TagsUtil.PROCESSOR_NAME_TAG, name);
            return all(
                    new MessageTimers(prefix, registry, tags),
                    EventProcessorLatencyMonitor.builder().meterNamePrefix(prefix).meterRegistry(registry)
                            .tagsBuilder(message -> Tags.of(TagsUtil.PROCESSOR_NAME_TAG, name)).build(),
                    new WindowedCapacityMonitor(prefix, registry, tags),
                    new MessageCounters(prefix, registry, tags));
        }
        if (EventBus.class.isAssignableFrom(componentType)) {
            return all(
                    new MessageCounters(name, registry, type -> Tags.empty()),
                    new MessageTimers(name, registry, payloadType));
        }
        if (CommandBus.class.isAssignableFrom(componentType) || QueryBus.class.isAssignableFrom(componentType)
                || QueryUpdateEmitter.class.isAssignableFrom(componentType)) {
            return all(
                    new MessageTimers(name, registry, payloadType),
                    new WindowedCapacityMonitor(name, registry, payloadType),
                    new MessageCounters(name, registry, payloadType));
        }
        return NoOpMessageMonitor.instance();
    }

    /** The event processor's latency monitor takes event messages only, as in Axon's registration; a processor gives it nothing else. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static MessageMonitor<Message<?>> all(MessageMonitor<?>... monitors) {
        return new MultiMessageMonitor(List.of(monitors));
    }
}
