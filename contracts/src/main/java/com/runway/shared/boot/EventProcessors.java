package com.runway.shared.boot;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.core.env.Environment;

import java.util.Locale;

/**
 * How one processing group's events are processed, from {@code runway.processing.<group>.*} with
 * {@code runway.processing.*} as the default for every group: the processor type, how many events
 * one transaction (and one token update) takes, how many segments the group is split into, and how
 * many threads a tracking processor runs here (one per segment this instance should follow). The
 * {@code axon-defaults} profile sets Axon's own defaults (tracking, one event per transaction), so
 * that the benchmark can measure what the tuning is worth; see docs/performance.md.
 */
public record EventProcessors(Mode mode, int batchSize, int segments, int threads) {

    public enum Mode { POOLED, TRACKING }

    public static EventProcessors forGroup(Environment environment, String group, EventProcessors defaults) {
        return new EventProcessors(
                Mode.valueOf(setting(environment, group, "mode", defaults.mode.name()).toUpperCase(Locale.ROOT)),
                Integer.parseInt(setting(environment, group, "batch-size", Integer.toString(defaults.batchSize))),
                Integer.parseInt(setting(environment, group, "segments", Integer.toString(defaults.segments))),
                Integer.parseInt(setting(environment, group, "threads", Integer.toString(defaults.threads))));
    }

    private static String setting(Environment environment, String group, String name, String fallback) {
        return environment.getProperty("runway.processing." + group + "." + name,
                environment.getProperty("runway.processing." + name, fallback));
    }

    /**
     * Registers {@code group}'s processor on the event store; {@code fromHead}: a new processor starts at
     * the head of the stream. Its monitors leave replayed events out ({@link ReplaySilentMonitor}).
     */
    public void register(EventProcessingConfigurer processing, String group, boolean fromHead) {
        processing.registerMessageMonitorFactory(group,
                (configuration, type, name) -> new ReplaySilentMonitor(configuration.messageMonitor(type, name)));
        if (mode == Mode.TRACKING) {
            processing.registerTrackingEventProcessor(group, org.axonframework.config.Configuration::eventStore, c -> {
                TrackingEventProcessorConfiguration tracking = TrackingEventProcessorConfiguration.forParallelProcessing(threads)
                        .andInitialSegmentsCount(segments)
                        .andBatchSize(batchSize);
                return fromHead ? tracking.andInitialTrackingToken(StreamableMessageSource::createHeadToken) : tracking;
            });
        } else {
            processing.registerPooledStreamingEventProcessor(group, org.axonframework.config.Configuration::eventStore, (c, builder) -> {
                builder.batchSize(batchSize).initialSegmentCount(segments).maxClaimedSegments(segments);
                return fromHead ? builder.initialToken(StreamableMessageSource::createHeadToken) : builder;
            });
        }
    }
}
