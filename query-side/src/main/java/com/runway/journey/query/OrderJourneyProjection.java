package com.runway.journey.query;

import com.runway.journey.api.FindOrderJourneyQuery;
import com.runway.journey.api.JourneyStep;
import com.runway.journey.api.OrderJourney;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Each order's flow across contexts, step by step, for support staff and the journey page. Its
 * own read model and processor, so it replays alone like the others.
 */
@Component
@ProcessingGroup(OrderJourneyProjection.NAME)
public class OrderJourneyProjection {

    public static final String NAME = "journeys";
    /** One order's events come from four aggregates; handled in sequence per order, its document has one writer at a time. */
    public static final SequencingPolicy<EventMessage<?>> BY_ORDER =
            event -> JourneySummaries.of(event.getPayload()).map(JourneySummaries.Line::orderId).orElse(event.getIdentifier());
    private final OrderJourneyReadModel readModel;

    public OrderJourneyProjection(OrderJourneyReadModel readModel) {
        this.readModel = readModel;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> event, TrackingToken token) {
        JourneySummaries.of(payload).ifPresent(line -> readModel.append(line.orderId(), event.getIdentifier(), new JourneyStep(
                token.position().orElse(-1), event.getTimestamp(), line.context(), line.aggregateId(),
                payload.getClass().getSimpleName(), line.summary(), metadata(event, "traceId"), metadata(event, "correlationId"),
                line.sagaStep(), line.compensation())));
    }

    @ResetHandler
    void reset() {
        readModel.beginRebuild();
    }

    @QueryHandler
    Optional<OrderJourney> handle(FindOrderJourneyQuery query) {
        return readModel.find(query.orderId());
    }

    private static String metadata(EventMessage<?> event, String key) {
        Object value = event.getMetaData().get(key);
        return value == null ? null : value.toString();
    }
}
