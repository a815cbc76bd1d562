package com.runway.journey.query;

import com.mongodb.client.model.Filters;
import com.runway.journey.api.JourneyStep;
import com.runway.journey.api.OrderJourney;
import com.runway.order.api.OrderId;
import com.runway.queryside.ReadModelCollections;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/** One document per order holding its journey's steps; a step already there (a redelivered event) is not added twice. */
@Component
public class OrderJourneyReadModel {

    private final ReadModelCollections.Rebuildable journeys;

    public OrderJourneyReadModel(ReadModelCollections collections) {
        this.journeys = collections.of(OrderJourneyProjection.NAME, collection -> { });
    }

    /**
     * The step is added as a set member, creating the journey if it is new (one write per order and
     * batch). A step is made only of what its event carries, so an event handled again makes an
     * identical step and adds nothing; and the write cannot fail on a duplicate key, as a guarded
     * upsert would.
     */
    void append(String orderId, String eventId, JourneyStep step) {
        Document entry = new Document("eventId", eventId)
                .append("position", step.position())
                .append("at", Date.from(step.at()))
                .append("context", step.context())
                .append("aggregateId", step.aggregateId())
                .append("eventType", step.eventType())
                .append("summary", step.summary())
                .append("correlationId", step.correlationId())
                .append("causationId", step.causationId())
                .append("sagaStep", step.sagaStep())
                .append("compensation", step.compensation());
        journeys.addToSet(orderId, "steps", entry);
    }

    public Optional<OrderJourney> find(OrderId orderId) {
        return Optional.ofNullable(journeys.read(c -> c.find(Filters.eq("_id", orderId.value())).first()))
                .map(document -> new OrderJourney(orderId, document.getList("steps", Document.class, List.of()).stream()
                        .map(OrderJourneyReadModel::step)
                        .sorted(Comparator.comparingLong(JourneyStep::position))
                        .toList()));
    }

    void beginRebuild() {
        journeys.beginRebuild();
    }

    private static JourneyStep step(Document d) {
        return new JourneyStep(d.get("position", Number.class).longValue(), d.getDate("at").toInstant(), d.getString("context"),
                d.getString("aggregateId"), d.getString("eventType"), d.getString("summary"), d.getString("correlationId"),
                d.getString("causationId"), d.getString("sagaStep"), d.getBoolean("compensation", false));
    }
}
