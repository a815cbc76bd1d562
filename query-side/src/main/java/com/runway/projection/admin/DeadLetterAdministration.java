package com.runway.projection.admin;

import com.runway.projection.api.DeadLetterView;
import com.runway.projection.api.DeadLetters;
import com.runway.projection.api.EvictDeadLetterCommand;
import com.runway.projection.api.FindDeadLettersQuery;
import com.runway.projection.api.RetryDeadLetterCommand;
import com.runway.queryside.ReadModels;
import com.runway.shared.CommandRejection;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.queryhandling.QueryHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * The read models' dead letters: list, retry, evict. A letter's id is its projection and the
 * identifier of the event it holds ({@code orders:2f0e…}).
 */
@Component
public class DeadLetterAdministration {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterAdministration.class);
    private final EventProcessingConfiguration processing;

    public DeadLetterAdministration(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @QueryHandler
    public DeadLetters handle(FindDeadLettersQuery query) {
        List<DeadLetterView> letters = new ArrayList<>();
        for (String projection : ReadModels.PROCESSING_GROUPS) {
            for (Located located : parked(projection)) {
                DeadLetter<? extends EventMessage<?>> letter = located.letter();
                letters.add(new DeadLetterView(located.id(), projection, located.head(),
                        letter.message().getPayloadType().getSimpleName(),
                        letter.cause().map(cause -> cause.type() + ": " + cause.message()).orElse(null),
                        letter.enqueuedAt(), letter.lastTouched()));
            }
        }
        return new DeadLetters(letters);
    }

    @CommandHandler
    public boolean handle(RetryDeadLetterCommand command) {
        Located located = locate(command.id());
        boolean processed = processing.sequencedDeadLetterProcessor(located.projection())
                .orElseThrow(() -> CommandRejection.notFound("projection " + located.projection() + " has no dead-letter processor here"))
                .process(letter -> id(located.projection(), letter).equals(located.head()));
        log.info("Retried dead letter {} of {}: {}", command.id(), located.projection(), processed ? "handled" : "failed again");
        return processed;
    }

    @CommandHandler
    public void handle(EvictDeadLetterCommand command) {
        Located located = locate(command.id());
        queue(located.projection()).evict(located.letter());
        log.warn("Evicted dead letter {} of {}: that event will not reach the read model", command.id(), located.projection());
    }

    /** A parked letter with its id and the id of the first letter of its sequence. */
    private record Located(String projection, String id, String head, DeadLetter<? extends EventMessage<?>> letter) {
    }

    private List<Located> parked(String projection) {
        List<Located> parked = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue(projection).deadLetters()) {
            String head = null;
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                String id = id(projection, letter);
                head = head == null ? id : head;
                parked.add(new Located(projection, id, head, letter));
            }
        }
        return parked;
    }

    private Located locate(String id) {
        String projection = id.contains(":") ? id.substring(0, id.indexOf(':')) : "";
        if (!ReadModels.PROCESSING_GROUPS.contains(projection)) {
            throw CommandRejection.notFound("no dead letter " + id);
        }
        return parked(projection).stream().filter(located -> located.id().equals(id)).findFirst()
                .orElseThrow(() -> CommandRejection.notFound("no dead letter " + id));
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String projection) {
        return processing.deadLetterQueue(projection)
                .orElseThrow(() -> CommandRejection.notFound("projection " + projection + " has no dead-letter queue here"));
    }

    private static String id(String projection, DeadLetter<? extends EventMessage<?>> letter) {
        return projection + ":" + letter.message().getIdentifier();
    }
}
