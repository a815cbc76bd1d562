package com.runway.shared.boot;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.core.env.Environment;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * How one processing group's events are processed, from {@code runway.processing.<group>.*} with
 * {@code runway.processing.*} as the default for every group: the processor type, how many events
 * one transaction (and one token update) takes, how many segments the group is split into, and how
 * many threads a tracking processor runs here (one per segment this instance should follow), and how
 * long an idle tracking processor waits for an event before it looks up (at its stop, too). The
 * {@code axon-defaults} profile sets Axon's own defaults (tracking, one event per transaction), so
 * that the benchmark can measure what the tuning is worth; see docs/performance.md.
 */
public record EventProcessors(Mode mode, int batchSize, int segments, int threads, Duration idleWait) {

    public enum Mode { POOLED, TRACKING }

    /** Axon's idle wait: an idle tracking processor asked to stop takes up to this long to do so. */
    public static final Duration AXON_IDLE_WAIT = Duration.ofSeconds(1);

    public EventProcessors(Mode mode, int batchSize, int segments, int threads) {
        this(mode, batchSize, segments, threads, AXON_IDLE_WAIT);
    }

    public static EventProcessors forGroup(Environment environment, String group, EventProcessors defaults) {
        return new EventProcessors(
                Mode.valueOf(setting(environment, group, "mode", defaults.mode.name()).toUpperCase(Locale.ROOT)),
                Integer.parseInt(setting(environment, group, "batch-size", Integer.toString(defaults.batchSize))),
                Integer.parseInt(setting(environment, group, "segments", Integer.toString(defaults.segments))),
                Integer.parseInt(setting(environment, group, "threads", Integer.toString(defaults.threads))),
                defaults.idleWait);
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
                        .andBatchSize(batchSize)
                        .andEventAvailabilityTimeout(idleWait.toMillis(), TimeUnit.MILLISECONDS);
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
