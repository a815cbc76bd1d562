package com.runway.queryside;

import com.mongodb.client.MongoDatabase;
import com.runway.inventory.api.Sku;
import com.runway.inventory.api.SkuRegisteredEvent;
import com.runway.inventory.api.StockReleasedEvent;
import com.runway.inventory.api.StockReservedEvent;
import com.runway.inventory.query.SkuProjection;
import com.runway.inventory.query.SkuReadModel;
import com.runway.journey.query.OrderJourneyProjection;
import com.runway.journey.query.OrderJourneyReadModel;
import com.runway.order.api.CustomerId;
import com.runway.order.api.OrderConfirmedEvent;
import com.runway.order.api.OrderId;
import com.runway.order.api.OrderLine;
import com.runway.order.api.OrderPlacedEvent;
import com.runway.order.api.OrderPricedEvent;
import com.runway.order.api.OrderRejectedEvent;
import com.runway.order.api.PricedOrderLine;
import com.runway.order.api.RejectionReason;
import com.runway.order.api.SalesChannel;
import com.runway.order.api.ShippingAddress;
import com.runway.order.query.OrderProjection;
import com.runway.order.query.OrderReadModel;
import com.runway.payment.api.PaymentId;
import com.runway.shared.Money;
import com.runway.shipping.api.ShipmentId;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

/**
 * A replayed read model is built in memory and written once per document ({@link StagedCopy}); what it
 * writes must be exactly what handling the same events one write at a time writes.
 */
class ReplayStagingTest {

    @RegisterExtension
    final EmbeddedMongo mongo = new EmbeddedMongo();

    private static final List<String> COLLECTIONS = List.of(OrderProjection.NAME, SkuProjection.NAME, OrderJourneyProjection.NAME);
    private static final Money PRICE = Money.of("19.99", "EUR");
    private static final List<Sku> SKUS = List.of(new Sku("TSHIRT-RED-M"), new Sku("JEANS-BLUE-32"), new Sku("CAP-BLACK"));

    /** A store's worth of interleaved orders, with some events delivered twice, as a tracking processor may. */
    private final List<DomainEventMessage<?>> history = history(40);

    private final class ReadModels {
        final ReadModelCollections collections;
        final List<AnnotationEventHandlerAdapter> projections;

        ReadModels(MongoDatabase database, int staged) {
            collections = new ReadModelCollections(database, staged);
            projections = List.of(
                    new AnnotationEventHandlerAdapter(new OrderProjection(new OrderReadModel(collections), mock(QueryUpdateEmitter.class))),
                    new AnnotationEventHandlerAdapter(new SkuProjection(new SkuReadModel(collections))),
                    new AnnotationEventHandlerAdapter(new OrderJourneyProjection(new OrderJourneyReadModel(collections))));
        }

        void handle(EventMessage<?> event) {
            DefaultUnitOfWork.startAndGet(event).execute(() -> projections.forEach(projection -> {
                try {
                    projection.handle(event);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }

        void beginRebuild() {
            projections.forEach(AnnotationEventHandlerAdapter::prepareReset);
        }

        void completeRebuild() {
            COLLECTIONS.forEach(name -> collections.named(name).completeRebuild());
        }
    }

    @ParameterizedTest(name = "holding at most {0} documents")
    @ValueSource(ints = {100_000, 7, 1})
    void aReplayedModelIsWhatHandlingEveryEventAsItCameWrote(int staged) {
        ReadModels live = new ReadModels(mongo.database(), staged);
        for (int position = 0; position < history.size(); position++) {
            live.handle(regular(history.get(position), position));
        }
        ReadModels rebuilt = new ReadModels(mongo.client().getDatabase("rebuilt"), staged);
        rebuilt.beginRebuild();

        for (int position = 0; position < history.size(); position++) {
            rebuilt.handle(replayed(history.get(position), position));
        }
        if (staged > history.size()) {
            assertThat(mongo.client().getDatabase("rebuilt").getCollection("orders_rebuild").countDocuments())
                    .as("nothing written while the replay is held in memory").isZero();
        }
        rebuilt.completeRebuild();

        for (String collection : COLLECTIONS) {
            assertThat(documents(mongo.client().getDatabase("rebuilt"), collection)).as(collection)
                    .isNotEmpty()
                    .isEqualTo(documents(mongo.database(), collection));
        }
    }

    @Test
    void theFirstEventPastTheReplayWritesWhatWasHeldAndIsWrittenAsItComes() {
        ReadModels live = new ReadModels(mongo.database(), 100_000);
        ReadModels rebuilt = new ReadModels(mongo.client().getDatabase("rebuilt"), 100_000);
        rebuilt.beginRebuild();
        int replayed = history.size() / 2;
        for (int position = 0; position < history.size(); position++) {
            live.handle(regular(history.get(position), position));
            rebuilt.handle(position < replayed ? replayed(history.get(position), position) : regular(history.get(position), position));
        }
        assertThat(mongo.client().getDatabase("rebuilt").getCollection("orders_rebuild").countDocuments())
                .as("every order written once the orders went past the replay").isEqualTo(40);
        rebuilt.completeRebuild();

        for (String collection : COLLECTIONS) {
            assertThat(documents(mongo.client().getDatabase("rebuilt"), collection)).as(collection)
                    .isEqualTo(documents(mongo.database(), collection));
        }
    }

    @Test
    void aChangeItDoesNotUnderstandGoesToTheCopyAfterWhatWasHeldAndLaterChangesReadTheDocumentBack() {
        com.mongodb.client.MongoCollection<Document> copy = mongo.database().getCollection("copy");
        StagedCopy staged = new StagedCopy(copy, 100);
        assertThat(staged.apply(new UpdateOneModel<>(Filters.eq("_id", "a"), Updates.setOnInsert("n", 1), new UpdateOptions().upsert(true)))).isTrue();
        assertThat(copy.countDocuments()).isZero();

        UpdateOneModel<Document> unset = new UpdateOneModel<>(Filters.eq("_id", "a"), Updates.unset("n"));
        assertThat(staged.apply(unset)).isFalse();
        assertThat(copy.find().into(new ArrayList<>())).containsExactly(new Document("_id", "a").append("n", 1));
        copy.bulkWrite(List.of(unset));

        assertThat(staged.apply(new UpdateOneModel<>(Filters.eq("_id", "a"), Updates.inc("n", 2)))).isTrue();
        staged.close();
        assertThat(copy.find().into(new ArrayList<>())).containsExactly(new Document("_id", "a").append("n", 2));
        assertThat(staged.apply(new UpdateOneModel<>(Filters.eq("_id", "a"), Updates.inc("n", 2)))).as("closed").isFalse();
    }

    @Test
    void beyondItsCapacityTheDocumentChangedLeastRecentlyIsWrittenAndReadBackWhenChangedAgain() {
        com.mongodb.client.MongoCollection<Document> copy = mongo.database().getCollection("copy");
        StagedCopy staged = new StagedCopy(copy, 2);
        BsonDocument step = new BsonDocument("n", new BsonInt32(1));
        staged.addToSet(new BsonString("a"), "steps", step);
        staged.addToSet(new BsonString("b"), "steps", step);
        staged.addToSet(new BsonString("a"), "steps", new BsonDocument("n", new BsonInt32(2)));
        assertThat(copy.countDocuments()).isZero();

        staged.addToSet(new BsonString("c"), "steps", step);
        assertThat(copy.find().into(new ArrayList<>())).containsExactly(new Document("_id", "b").append("steps", List.of(new Document("n", 1))));

        staged.addToSet(new BsonString("b"), "steps", step);
        staged.addToSet(new BsonString("b"), "steps", new BsonDocument("n", new BsonInt32(3)));
        staged.close();
        assertThat(documents(mongo.database(), "copy")).containsExactly(
                new Document("_id", "a").append("steps", List.of(new Document("n", 1), new Document("n", 2))),
                new Document("_id", "b").append("steps", List.of(new Document("n", 1), new Document("n", 3))),
                new Document("_id", "c").append("steps", List.of(new Document("n", 1))));
    }

    @Test
    void aSetAdditionToAFieldThatIsNotAnArrayIsRefusedAndChangesNothing() {
        com.mongodb.client.MongoCollection<Document> copy = mongo.database().getCollection("copy");
        StagedCopy staged = new StagedCopy(copy, 100);
        staged.apply(new UpdateOneModel<>(Filters.eq("_id", "a"), Updates.set("steps", 1), new UpdateOptions().upsert(true)));

        assertThatThrownBy(() -> staged.addToSet(new BsonString("a"), "steps", new BsonDocument("n", new BsonInt32(1))))
                .hasMessageContaining("not an array");
        staged.close();
        assertThat(copy.find().into(new ArrayList<>())).containsExactly(new Document("_id", "a").append("steps", 1));
    }

    private static List<Document> documents(MongoDatabase database, String collection) {
        return database.getCollection(collection).find().sort(new Document("_id", 1)).into(new ArrayList<>());
    }

    private static EventMessage<?> regular(DomainEventMessage<?> event, long position) {
        return new GenericTrackedDomainEventMessage<>(token(position), event);
    }

    private static EventMessage<?> replayed(DomainEventMessage<?> event, long position) {
        TrackingToken replay = ReplayToken.createReplayToken(token(1_000_000), token(position));
        assertThat(ReplayToken.isReplay(replay)).isTrue();
        return new GenericTrackedDomainEventMessage<>(replay, event);
    }

    private static TrackingToken token(long position) {
        return GapAwareTrackingToken.newInstance(position, List.of());
    }

    private static List<DomainEventMessage<?>> history(int orders) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        Map<Sku, Long> skuSequence = new LinkedHashMap<>();
        SKUS.forEach(sku -> {
            events.add(new GenericDomainEventMessage<>("Sku", sku.value(), 0, new SkuRegisteredEvent(sku, sku.value(), PRICE, 100)));
            skuSequence.put(sku, 0L);
        });
        List<List<DomainEventMessage<?>>> perOrder = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            OrderId order = new OrderId("order-" + i);
            Sku sku = SKUS.get(i % SKUS.size());
            List<DomainEventMessage<?>> flow = new ArrayList<>();
            flow.add(new GenericDomainEventMessage<>("Order", order.value(), 0, new OrderPlacedEvent(order, new CustomerId("customer-" + i % 5),
                    List.of(new OrderLine(sku, 1 + i % 3)), new ShippingAddress("Ana", "Rua Augusta 1", "Lisboa", "1100-048", "PT"),
                    "tok_visa", "fp", SalesChannel.WEB)));
            flow.add(new GenericDomainEventMessage<>("Order", order.value(), 1,
                    new OrderPricedEvent(order, List.of(new PricedOrderLine(sku, 1 + i % 3, PRICE)), PRICE.times(1 + i % 3))));
            perOrder.add(flow);
        }
        int longest = 2;
        for (int step = 0; step < longest + 2; step++) {
            for (int i = 0; i < orders; i++) {
                OrderId order = new OrderId("order-" + i);
                Sku sku = SKUS.get(i % SKUS.size());
                if (step < 2) {
                    events.add(perOrder.get(i).get(step));
                } else if (step == 2) {
                    events.add(new GenericDomainEventMessage<>("Sku", sku.value(), skuSequence.merge(sku, 1L, Long::sum),
                            new StockReservedEvent(sku, order, 1 + i % 3, PRICE)));
                } else if (i % 4 == 0) {
                    events.add(new GenericDomainEventMessage<>("Sku", sku.value(), skuSequence.merge(sku, 1L, Long::sum),
                            new StockReleasedEvent(sku, order, 1 + i % 3)));
                    events.add(new GenericDomainEventMessage<>("Order", order.value(), 2, new OrderRejectedEvent(order, RejectionReason.PAYMENT_DECLINED)));
                } else {
                    events.add(new GenericDomainEventMessage<>("Order", order.value(), 2,
                            new OrderConfirmedEvent(order, new PaymentId("pay-" + i), new ShipmentId("shp-" + i))));
                }
            }
        }
        List<DomainEventMessage<?>> withRedeliveries = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            withRedeliveries.add(events.get(i));
            if (i % 7 == 6) {
                withRedeliveries.add(events.get(i - 3));
            }
        }
        return withRedeliveries;
    }
}
