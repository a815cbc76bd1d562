package com.runway.order.command;

import com.runway.inventory.api.Sku;
import com.runway.order.api.ForceCancelOrderCommand;
import com.runway.order.api.OrderForceCancellationRequestedEvent;
import com.runway.order.api.OrderLine;
import com.runway.order.api.CancelOrderCommand;
import com.runway.order.api.ConfirmOrderCommand;
import com.runway.order.api.MarkOrderDeliveredCommand;
import com.runway.order.api.MarkOrderShippedCommand;
import com.runway.order.api.OrderCancellationRequestedEvent;
import com.runway.order.api.OrderCancelledEvent;
import com.runway.order.api.OrderConfirmedEvent;
import com.runway.order.api.OrderDeliveredEvent;
import com.runway.order.api.OrderId;
import com.runway.order.api.OrderPlacedEvent;
import com.runway.order.api.OrderPricedEvent;
import com.runway.order.api.OrderRejectedEvent;
import com.runway.order.api.OrderShippedEvent;
import com.runway.order.api.OrderStatus;
import com.runway.order.api.PlaceOrderCommand;
import com.runway.order.api.PriceOrderCommand;
import com.runway.order.api.RejectOrderCommand;
import com.runway.order.api.RequestOrderCancellationCommand;
import com.runway.shared.CommandRejection;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import com.runway.commandside.CommandSideConfiguration;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;
import java.util.Objects;

import static com.runway.order.api.OrderStatus.CANCELLED;
import static com.runway.order.api.OrderStatus.CONFIRMED;
import static com.runway.order.api.OrderStatus.DELIVERED;
import static com.runway.order.api.OrderStatus.PLACED;
import static com.runway.order.api.OrderStatus.REJECTED;
import static com.runway.order.api.OrderStatus.SHIPPED;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One customer order and its life. Commands that find the order already where they would take it
 * are accepted without a new event, so a redelivered command changes nothing.
 */
@Aggregate(cache = CommandSideConfiguration.AGGREGATE_CACHE)
public class Order {

    @AggregateIdentifier
    private OrderId orderId;
    private OrderStatus status;
    private String requestFingerprint;
    private boolean priced;
    private boolean cancellationRequested;
    private List<Sku> skus = List.of();

    protected Order() {
    }

    /** Creates the order, or recognises a retry of the same request under the same idempotency key. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(PlaceOrderCommand command) {
        if (status != null) {
            if (!Objects.equals(requestFingerprint, command.requestFingerprint())) {
                throw CommandRejection.unprocessable("this Idempotency-Key was already used for a different order");
            }
            return;
        }
        place(command);
    }

    /** Creates the order under an id its sender has just generated, which no earlier order can hold. */
    @CommandHandler(commandName = PlaceOrderCommand.UNDER_NEW_ID)
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public void placeUnderNewId(PlaceOrderCommand command) {
        place(command);
    }

    private void place(PlaceOrderCommand command) {
        OrderPlacementPolicy.requireValid(command);
        apply(new OrderPlacedEvent(command.orderId(), command.customerId(), command.lines(),
                command.shippingAddress(), command.paymentToken(), command.requestFingerprint(), command.salesChannel()));
    }

    @CommandHandler
    public void handle(PriceOrderCommand command) {
        if (priced) {
            return;
        }
        OrderTransitions.require(orderId, status, "priced", PLACED);
        apply(new OrderPricedEvent(orderId, command.lines(), command.total()));
    }

    @CommandHandler
    public void handle(ConfirmOrderCommand command) {
        OrderTransitions.require(orderId, status, "confirmed", PLACED);
        apply(new OrderConfirmedEvent(orderId, command.paymentId(), command.shipmentId()));
    }

    @CommandHandler
    public void handle(MarkOrderShippedCommand command) {
        if (status != SHIPPED) {
            OrderTransitions.require(orderId, status, "shipped", CONFIRMED);
            apply(new OrderShippedEvent(orderId));
        }
    }

    @CommandHandler
    public void handle(MarkOrderDeliveredCommand command) {
        if (status != DELIVERED) {
            OrderTransitions.require(orderId, status, "delivered", SHIPPED);
            apply(new OrderDeliveredEvent(orderId));
        }
    }

    @CommandHandler
    public void handle(RejectOrderCommand command) {
        if (status != REJECTED) {
            OrderTransitions.require(orderId, status, "rejected", PLACED);
            apply(new OrderRejectedEvent(orderId, command.reason()));
        }
    }

    @CommandHandler
    public void handle(RequestOrderCancellationCommand command) {
        OrderTransitions.require(orderId, status, "cancelled", PLACED, CONFIRMED);
        if (!cancellationRequested) {
            apply(new OrderCancellationRequestedEvent(orderId));
        }
    }

    @CommandHandler
    public void handle(ForceCancelOrderCommand command) {
        OrderTransitions.require(orderId, status, "force-cancelled", PLACED, CONFIRMED);
        apply(new OrderForceCancellationRequestedEvent(orderId, skus, command.reason()));
    }

    @CommandHandler
    public void handle(CancelOrderCommand command) {
        if (status != CANCELLED) {
            OrderTransitions.require(orderId, status, "cancelled", PLACED, CONFIRMED);
            apply(new OrderCancelledEvent(orderId));
        }
    }

    @EventSourcingHandler
    void on(OrderPlacedEvent event) {
        orderId = event.orderId();
        status = PLACED;
        requestFingerprint = event.requestFingerprint();
        skus = event.lines().stream().map(OrderLine::sku).toList();
    }

    @EventSourcingHandler
    void on(OrderPricedEvent event) {
        priced = true;
    }

    @EventSourcingHandler
    void on(OrderConfirmedEvent event) {
        status = CONFIRMED;
    }

    @EventSourcingHandler
    void on(OrderShippedEvent event) {
        status = SHIPPED;
    }

    @EventSourcingHandler
    void on(OrderDeliveredEvent event) {
        status = DELIVERED;
    }

    @EventSourcingHandler
    void on(OrderRejectedEvent event) {
        status = REJECTED;
    }

    @EventSourcingHandler
    void on(OrderCancellationRequestedEvent event) {
        cancellationRequested = true;
    }

    @EventSourcingHandler
    void on(OrderForceCancellationRequestedEvent event) {
        cancellationRequested = true;
    }

    @EventSourcingHandler
    void on(OrderCancelledEvent event) {
        status = CANCELLED;
    }
}
