package com.runway.shipping.command;

import com.runway.order.api.OrderId;
import com.runway.shared.CommandRejection;
import com.runway.shipping.api.CancelShipmentCommand;
import com.runway.shipping.api.DeliverShipmentCommand;
import com.runway.shipping.api.DispatchShipmentCommand;
import com.runway.shipping.api.RequestShipmentCommand;
import com.runway.shipping.api.ShipmentCancelledEvent;
import com.runway.shipping.api.ShipmentCreatedEvent;
import com.runway.shipping.api.ShipmentDeliveredEvent;
import com.runway.shipping.api.ShipmentDispatchedEvent;
import com.runway.shipping.api.ShipmentId;
import com.runway.shipping.api.ShipmentRefusedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import com.runway.commandside.CommandSideConfiguration;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One booking with the carrier. Carrier callbacks may be retried, so repeating the step a shipment
 * has already taken is accepted quietly; a step out of order is a conflict.
 */
@Aggregate(cache = CommandSideConfiguration.AGGREGATE_CACHE)
public class Shipment {

    enum State { CREATED, REFUSED, DISPATCHED, DELIVERED, CANCELLED }

    @AggregateIdentifier
    private ShipmentId shipmentId;
    private OrderId orderId;
    private State state;

    protected Shipment() {
    }

    @CommandHandler
    public Shipment(RequestShipmentCommand command, ShippingPolicy policy) {
        String country = command.destination().country();
        if (policy.delivers(country)) {
            apply(new ShipmentCreatedEvent(command.shipmentId(), command.orderId(), country));
        } else {
            apply(new ShipmentRefusedEvent(command.shipmentId(), command.orderId(), country,
                    "the carrier does not deliver to " + country));
        }
    }

    @CommandHandler
    public void handle(DispatchShipmentCommand command) {
        if (state != State.DISPATCHED) {
            requireState(State.CREATED, "dispatched");
            apply(new ShipmentDispatchedEvent(shipmentId, orderId));
        }
    }

    @CommandHandler
    public void handle(DeliverShipmentCommand command) {
        if (state != State.DELIVERED) {
            requireState(State.DISPATCHED, "delivered");
            apply(new ShipmentDeliveredEvent(shipmentId, orderId));
        }
    }

    @CommandHandler
    public void handle(CancelShipmentCommand command) {
        if (state != State.CANCELLED && state != State.REFUSED) {
            requireState(State.CREATED, "cancelled");
            apply(new ShipmentCancelledEvent(shipmentId, orderId));
        }
    }

    private void requireState(State required, String becoming) {
        if (state != required) {
            throw CommandRejection.conflict("shipment " + shipmentId + " is " + state + " and cannot be " + becoming);
        }
    }

    @EventSourcingHandler
    void on(ShipmentCreatedEvent event) {
        shipmentId = event.shipmentId();
        orderId = event.orderId();
        state = State.CREATED;
    }

    @EventSourcingHandler
    void on(ShipmentRefusedEvent event) {
        shipmentId = event.shipmentId();
        orderId = event.orderId();
        state = State.REFUSED;
    }

    @EventSourcingHandler
    void on(ShipmentDispatchedEvent event) {
        state = State.DISPATCHED;
    }

    @EventSourcingHandler
    void on(ShipmentDeliveredEvent event) {
        state = State.DELIVERED;
    }

    @EventSourcingHandler
    void on(ShipmentCancelledEvent event) {
        state = State.CANCELLED;
    }
}
