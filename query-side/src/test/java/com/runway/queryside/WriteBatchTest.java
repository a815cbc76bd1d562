package com.runway.queryside;

import com.runway.inventory.api.Sku;
import com.runway.journey.query.OrderJourneyProjection;
import com.runway.journey.query.OrderJourneyReadModel;
import com.runway.order.api.CustomerId;
import com.runway.order.api.FindOrderQuery;
import com.runway.order.api.OrderId;
import com.runway.order.api.OrderLine;
import com.runway.order.api.OrderPlacedEvent;
import com.runway.order.api.OrderRejectedEvent;
import com.runway.order.api.OrderStatus;
import com.runway.order.api.OrderView;
import com.runway.order.api.RejectionReason;
import com.runway.order.api.SalesChannel;
import com.runway.order.api.ShippingAddress;
import com.runway.order.query.OrderProjection;
import com.runway.order.query.OrderReadModel;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

class WriteBatchTest {

    @RegisterExtension
    final EmbeddedMongo mongo = new EmbeddedMongo();

    private static final OrderId FIRST = new OrderId("order-1");
    private static final OrderId SECOND = new OrderId("order-2");
    private final AtomicLong position = new AtomicLong();
    private final List<Long> ordersSeenWhileHandling = new ArrayList<>();
    private final MessageHandlerInterceptor<EventMessage<?>> collector = WriteBatch.interceptor();
    private QueryUpdateEmitter emitter;
    private AnnotationEventHandlerAdapter orders;
    private AnnotationEventHandlerAdapter journeys;

    @BeforeEach
    void setUp() {
        ReadModelCollections collections = new ReadModelCollections(mongo.database());
        emitter = mock(QueryUpdateEmitter.class);
        orders = new AnnotationEventHandlerAdapter(new OrderProjection(new OrderReadModel(collections), emitter));
        journeys = new AnnotationEventHandlerAdapter(new OrderJourneyProjection(new OrderJourneyReadModel(collections)));
    }

    @Test
    void aBatchIsWrittenOnceItsLastEventIsHandledAndEachOrderAnnouncedOnceAsItEndsUp() throws Exception {
        handleBatch(List.of(placed(FIRST), placed(SECOND), rejected(FIRST, 1)));

        assertThat(ordersSeenWhileHandling).containsExactly(0L, 0L, 0L);
        assertThat(orderDocuments()).extracting(d -> d.getString("status")).containsExactly("REJECTED", "PLACED");
        ArgumentCaptor<OrderView> announced = ArgumentCaptor.forClass(OrderView.class);
        verify(emitter, times(2)).emit(eq(FindOrderQuery.class), any(Predicate.class), announced.capture());
        assertThat(announced.getAllValues()).extracting(OrderView::orderId, OrderView::status)
                .containsExactly(tuple(FIRST, OrderStatus.REJECTED), tuple(SECOND, OrderStatus.PLACED));
    }

    @Test
    void aBatchHandledAgainAfterAFailureAddsNoJourneyStepTwiceAndWritesWhatItHadNot() throws Exception {
        TrackedEventMessage<?> placedFirst = placed(FIRST);
        TrackedEventMessage<?> rejectedFirst = rejected(FIRST, 1);
        handleBatch(List.of(placedFirst));

        handleBatch(List.of(placedFirst, rejectedFirst, placed(SECOND)));

        List<Document> journeyDocuments = mongo.database().getCollection(OrderJourneyProjection.NAME).find()
                .sort(new Document("_id", 1)).into(new ArrayList<>());
        assertThat(journeyDocuments).extracting(d -> d.getList("steps", Document.class).size()).containsExactly(2, 1);
        assertThat(orderDocuments()).extracting(d -> d.getString("status")).containsExactly("REJECTED", "PLACED");
    }

    @Test
    void aBatchThatFailsWritesNothing() {
        TrackedEventMessage<?> poison = tracked(new GenericDomainEventMessage<>("Order", FIRST.value(), 1, "not an event"));

        assertThatThrownBy(() -> handleBatch(List.of(placed(FIRST), placed(SECOND), poison), message -> {
            if (message == poison) {
                throw new IllegalStateException("handler failed");
            }
        })).hasMessage("handler failed");

        assertThat(orderDocuments()).isEmpty();
    }

    @Test
    void aBatchWhoseWritesFailIsHandledAgainOneWritePerEventSoTheFailingEventCanBeParkedThenBatchingResumes() throws Exception {
        mongo.database().getCollection("orders").createIndex(Indexes.ascending("customerId"), new IndexOptions().unique(true));
        List<TrackedEventMessage<?>> twoOrdersOfOneCustomer = List.of(placed(FIRST), placed(SECOND));

        assertThatThrownBy(() -> handleBatch(twoOrdersOfOneCustomer)).isInstanceOf(MongoBulkWriteException.class);
        ordersSeenWhileHandling.clear();
        assertThatThrownBy(() -> handleBatch(twoOrdersOfOneCustomer)).isInstanceOf(MongoBulkWriteException.class);
        assertThat(ordersSeenWhileHandling).as("the first order written as its event was handled").containsExactly(1L);

        mongo.database().getCollection("orders").dropIndexes();
        ordersSeenWhileHandling.clear();
        handleBatch(twoOrdersOfOneCustomer);
        assertThat(ordersSeenWhileHandling).containsExactly(1L, 2L);

        ordersSeenWhileHandling.clear();
        handleBatch(List.of(placed(new OrderId("order-3"))));
        assertThat(ordersSeenWhileHandling).as("collected again").containsExactly(2L);
        assertThat(orderDocuments()).hasSize(3);
    }

    private void handleBatch(List<TrackedEventMessage<?>> events) throws Exception {
        handleBatch(events, message -> { });
    }

    private void handleBatch(List<TrackedEventMessage<?>> events, MessageCheck check) throws Exception {
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(new ArrayList<>(events));
        ResultMessage<?> result = batch.executeWithResult(() -> new DefaultInterceptorChain<>(batch, List.of(collector), message -> {
            check.accept(message);
            orders.handle(message);
            journeys.handle(message);
            ordersSeenWhileHandling.add(mongo.database().getCollection("orders").countDocuments());
            return null;
        }).proceed());
        if (result.isExceptional()) {
            throw (Exception) result.exceptionResult();
        }
    }

    private List<Document> orderDocuments() {
        return mongo.database().getCollection("orders").find().sort(new Document("_id", 1)).into(new ArrayList<>());
    }

    private TrackedEventMessage<?> placed(OrderId order) {
        return tracked(new GenericDomainEventMessage<>("Order", order.value(), 0, new OrderPlacedEvent(order, new CustomerId("customer-7"),
                List.of(new OrderLine(new Sku("TSHIRT-RED-M"), 1)),
                new ShippingAddress("Ana", "Rua Augusta 1", "Lisboa", "1100-048", "PT"), "tok_visa", "fp", SalesChannel.WEB)));
    }

    private TrackedEventMessage<?> rejected(OrderId order, long sequence) {
        return tracked(new GenericDomainEventMessage<>("Order", order.value(), sequence, new OrderRejectedEvent(order, RejectionReason.OUT_OF_STOCK)));
    }

    private TrackedEventMessage<?> tracked(GenericDomainEventMessage<?> event) {
        return new GenericTrackedDomainEventMessage<>(GapAwareTrackingToken.newInstance(position.getAndIncrement(), List.of()), event);
    }

    @FunctionalInterface
    private interface MessageCheck {
        void accept(EventMessage<?> message);
    }
}
