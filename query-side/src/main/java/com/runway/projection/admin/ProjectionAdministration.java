package com.runway.projection.admin;

import com.runway.projection.api.FindProjectionStatusesQuery;
import com.runway.projection.api.ProjectionStatus;
import com.runway.projection.api.ProjectionStatuses;
import com.runway.projection.api.ReplayProjectionCommand;
import com.runway.queryside.ReadModels;
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
import java.util.concurrent.TimeUnit;

/**
 * Status and replay of the read models this service owns. Replay resets the processor's tokens, so
 * its {@code @ResetHandler} empties the read model and the processor rebuilds it from the first event.
 */
@Component
public class ProjectionAdministration {

    private static final Logger log = LoggerFactory.getLogger(ProjectionAdministration.class);
    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final Map<String, ReplayStart> replays = new ConcurrentHashMap<>();

    /** Where and when a replay began, to tell its rate and its end. */
    private record ReplayStart(Instant at, long position) {
    }

    public ProjectionAdministration(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
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
        if (processor.isReplaying()) {
            throw CommandRejection.conflict("projection " + command.name() + " is already replaying");
        }
        log.info("Replaying projection {} from the start of the event stream", command.name());
        processor.shutdownAsync().get(30, TimeUnit.SECONDS);
        processor.resetTokens();
        replays.put(command.name(), new ReplayStart(Instant.now(), -1));
        processor.start();
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
        TrackingToken headToken = eventStore.createHeadToken();
        long head = headToken == null ? -1 : headToken.position().orElse(-1);
        boolean replaying = processor.isReplaying();
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
