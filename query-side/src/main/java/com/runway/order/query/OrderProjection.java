package com.runway.order.query;

import com.mongodb.client.model.Updates;
import com.runway.order.api.FindOrderQuery;
import com.runway.order.api.WatchOrdersQuery;
import com.runway.order.api.OrderCancelledEvent;
import com.runway.order.api.OrderConfirmedEvent;
import com.runway.order.api.OrderDeliveredEvent;
import com.runway.order.api.OrderId;
import com.runway.order.api.OrderPlacedEvent;
import com.runway.order.api.OrderPricedEvent;
import com.runway.order.api.OrderRejectedEvent;
import com.runway.order.api.OrderShippedEvent;
import com.runway.order.api.OrderStatus;
import com.runway.order.api.OrderView;
import com.runway.queryside.MoneyDocuments;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * Orders as customers and support staff read them. Once a batch's changes are written, each order it
 * changed is pushed, as it now reads, to subscribers of that order's {@link FindOrderQuery} and of
 * {@link WatchOrdersQuery}; not while replaying, when nobody needs history re-told.
 */
@Component
@ProcessingGroup(OrderProjection.NAME)
public class OrderProjection {

    public static final String NAME = "orders";
    private final OrderReadModel readModel;
    private final QueryUpdateEmitter updateEmitter;
    private final Consumer<OrderView> subscribers = this::emit;

    public OrderProjection(OrderReadModel readModel, QueryUpdateEmitter updateEmitter) {
        this.readModel = readModel;
        this.updateEmitter = updateEmitter;
    }

    @EventHandler
    void on(OrderPlacedEvent event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        readModel.insertPlaced(event, sequence, at);
        publish(event.orderId(), replay);
    }

    @EventHandler
    void on(OrderPricedEvent event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        change(event.orderId(), sequence, at, replay, Updates.combine(
                Updates.set("lines", event.lines().stream()
                        .map(l -> OrderReadModel.lineDocument(l.sku(), l.quantity(), l.unitPrice())).toList()),
                Updates.set("total", MoneyDocuments.toDocument(event.total()))));
    }

    @EventHandler
    void on(OrderConfirmedEvent event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        change(event.orderId(), sequence, at, replay, Updates.combine(
                status(OrderStatus.CONFIRMED),
                Updates.set("paymentId", event.paymentId().value()),
                Updates.set("shipmentId", event.shipmentId().value())));
    }

    @EventHandler
    void on(OrderShippedEvent event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        change(event.orderId(), sequence, at, replay, status(OrderStatus.SHIPPED));
    }

    @EventHandler
    void on(OrderDeliveredEvent event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        change(event.orderId(), sequence, at, replay, status(OrderStatus.DELIVERED));
    }

    @EventHandler
    void on(OrderRejectedEvent event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        change(event.orderId(), sequence, at, replay,
                Updates.combine(status(OrderStatus.REJECTED), Updates.set("rejectionReason", event.reason().name())));
    }

    @EventHandler
    void on(OrderCancelledEvent event, @SequenceNumber long sequence, @Timestamp Instant at, ReplayStatus replay) {
        change(event.orderId(), sequence, at, replay, status(OrderStatus.CANCELLED));
    }

    @ResetHandler
    void reset() {
        readModel.beginRebuild();
    }

    private static Bson status(OrderStatus status) {
        return Updates.set("status", status.name());
    }

    private void change(OrderId orderId, long sequence, Instant at, ReplayStatus replay, Bson change) {
        readModel.apply(orderId, sequence, at, change);
        publish(orderId, replay);
    }

    private void publish(OrderId orderId, ReplayStatus replay) {
        if (!replay.isReplay()) {
            readModel.afterWrite(orderId, subscribers);
        }
    }

    private void emit(OrderView view) {
        updateEmitter.emit(FindOrderQuery.class, q -> q.orderId().equals(view.orderId()), view);
        updateEmitter.emit(WatchOrdersQuery.class, q -> true, view);
    }
}
