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
import org.axonframework.queryhandling.QueryHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Status and replay of the read models this service owns. Replay resets the processor's tokens, so
 * its {@code @ResetHandler} empties the read model and the processor rebuilds it from the first event.
 */
@Component
public class ProjectionAdministration {

    private static final Logger log = LoggerFactory.getLogger(ProjectionAdministration.class);
    private final EventProcessingConfiguration processing;

    public ProjectionAdministration(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @QueryHandler
    public ProjectionStatuses handle(FindProjectionStatusesQuery query) {
        return new ProjectionStatuses(ReadModels.PROCESSING_GROUPS.stream()
                .map(name -> status(name, processor(name)))
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
        processor.start();
    }

    StreamingEventProcessor processor(String name) {
        if (!ReadModels.PROCESSING_GROUPS.contains(name)) {
            throw CommandRejection.notFound("no projection named " + name);
        }
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> CommandRejection.notFound("projection " + name + " has no running processor here"));
    }

    private static ProjectionStatus status(String name, StreamingEventProcessor processor) {
        return new ProjectionStatus(name, positionOf(processor), processor.isReplaying(),
                processor.processingStatus().size(), processor.getClass().getSimpleName());
    }

    /** The position every segment this node processes has reached: the slowest one's; -1 before the first event. */
    static long positionOf(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong)
                .min().orElse(-1);
    }
}
