package com.runway.projection.admin;

import com.runway.projection.api.FindProjectionStatusesQuery;
import com.runway.projection.api.ProjectionStatus;
import com.runway.projection.api.ProjectionStatuses;
import com.runway.projection.api.ReplayProjectionCommand;
import com.runway.queryside.ReadModelCollections;
import com.runway.queryside.ReadModels;
import jakarta.annotation.PreDestroy;
import com.runway.shared.CommandRejection;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Status and replay of the read models this service owns. Replay resets the processor's tokens; its
 * {@code @ResetHandler} starts a fresh copy of the read model beside the live one, the processor
 * rebuilds it from the first event, and the copy replaces the live model once it has caught up.
 */
@Component
public class ProjectionAdministration {

    private static final Logger log = LoggerFactory.getLogger(ProjectionAdministration.class);
    private static final Duration WATCH_INTERVAL = Duration.ofMillis(100);
    private static final Duration SWAP_RETRY = Duration.ofSeconds(5);
    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final Map<String, ReplayStart> replays = new ConcurrentHashMap<>();

    /** Where and when a replay began, to tell its rate and its end. */
    private record ReplayStart(Instant at, long position) {
    }

    private final ReadModelCollections collections;
    private final ScheduledExecutorService rebuildWatch = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "read-model-rebuild-watch");
        thread.setDaemon(true);
        return thread;
    });

    public ProjectionAdministration(EventProcessingConfiguration processing, EventStore eventStore, ReadModelCollections collections) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.collections = collections;
    }

    @PreDestroy
    void stopWatching() {
        rebuildWatch.shutdownNow();
    }

    @QueryHandler
    public ProjectionStatuses handle(FindProjectionStatusesQuery query) {
        return new ProjectionStatuses(ReadModels.PROCESSING_GROUPS.stream()
                .map(this::status)
                .toList());
    }

    @CommandHandler
    public void handle(ReplayProjectionCommand command) throws Exception {
        StreamingEventProcessor processor = processor(command.name());
        if (processor.isReplaying() || collections.named(command.name()).rebuilding()) {
            throw CommandRejection.conflict("projection " + command.name() + " is already replaying");
        }
        log.info("Replaying projection {} from the start of the event stream", command.name());
        processor.shutdownAsync().get(30, TimeUnit.SECONDS);
        long headAtReset = head();
        processor.resetTokens();
        replays.put(command.name(), new ReplayStart(Instant.now(), -1));
        processor.start();
        swapWhenCaughtUp(command.name(), processor, headAtReset, WATCH_INTERVAL);
    }

    /**
     * The rebuilt copy replaces the live read model once the replay has passed the events that
     * existed when it began; until then queries keep reading the live copy.
     */
    private void swapWhenCaughtUp(String name, StreamingEventProcessor processor, long headAtReset, Duration after) {
        rebuildWatch.schedule(() -> {
            boolean caughtUp = !processor.processingStatus().isEmpty() && !processor.isReplaying()
                    && positionOf(processor) >= headAtReset;
            if (!caughtUp) {
                swapWhenCaughtUp(name, processor, headAtReset, WATCH_INTERVAL);
                return;
            }
            try {
                collections.named(name).completeRebuild();
                log.info("Projection {} rebuilt up to position {}; the new copy is live", name, positionOf(processor));
            } catch (RuntimeException failed) {
                log.error("The rebuilt copy of projection {} could not replace the live one; trying again in {}", name, SWAP_RETRY, failed);
                swapWhenCaughtUp(name, processor, headAtReset, SWAP_RETRY);
            }
        }, after.toMillis(), TimeUnit.MILLISECONDS);
    }

    private long head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    private StreamingEventProcessor processor(String name) {
        if (!ReadModels.PROCESSING_GROUPS.contains(name)) {
            throw CommandRejection.notFound("no projection named " + name);
        }
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> CommandRejection.notFound("projection " + name + " has no running processor here"));
    }

    /** One read model's status as the admin API reports it. */
    public ProjectionStatus status(String name) {
        StreamingEventProcessor processor = processor(name);
        long position = positionOf(processor);
        long head = head();
        boolean replaying = processor.isReplaying() || collections.named(name).rebuilding();
        Double percent = null;
        Double rate = null;
        Long eta = null;
        ReplayStart start = replays.get(name);
        if (replaying && start != null) {
            long replayEnd = processor.processingStatus().values().stream()
                    .map(EventTrackerStatus::getResetPosition).filter(OptionalLong::isPresent)
                    .mapToLong(OptionalLong::getAsLong).max().orElse(head);
            percent = replayEnd <= 0 ? 100.0 : Math.min(100.0, Math.max(0, position) * 100.0 / replayEnd);
            double seconds = Duration.between(start.at(), Instant.now()).toMillis() / 1000.0;
            if (seconds > 0 && position > start.position()) {
                rate = (position - Math.max(0, start.position())) / seconds;
                eta = Math.round((replayEnd - position) / rate);
            }
        }
        return new ProjectionStatus(name, position, head, Math.max(0, head - position), replaying, percent, rate, eta,
                processor.processingStatus().size(), processor.getClass().getSimpleName());
    }

    /** The position every segment this node processes has reached: the slowest one's; -1 before the first event. */
    private static long positionOf(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong)
                .min().orElse(-1);
    }
}
