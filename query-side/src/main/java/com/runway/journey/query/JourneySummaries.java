package com.runway.journey.query;

import com.runway.inventory.api.StockReleasedEvent;
import com.runway.inventory.api.StockReservationRejectedEvent;
import com.runway.inventory.api.StockReservedEvent;
import com.runway.inventory.api.StockShippedEvent;
import com.runway.order.api.OrderCancellationRequestedEvent;
import com.runway.order.api.OrderCancelledEvent;
import com.runway.order.api.OrderConfirmedEvent;
import com.runway.order.api.OrderDeliveredEvent;
import com.runway.order.api.OrderForceCancellationRequestedEvent;
import com.runway.order.api.OrderPlacedEvent;
import com.runway.order.api.OrderPricedEvent;
import com.runway.order.api.OrderRejectedEvent;
import com.runway.order.api.OrderShippedEvent;
import com.runway.payment.api.PaymentAuthorisationRequestedEvent;
import com.runway.payment.api.PaymentAuthorisedEvent;
import com.runway.payment.api.PaymentCapturedEvent;
import com.runway.payment.api.PaymentDeclinedEvent;
import com.runway.payment.api.PaymentVoidedEvent;
import com.runway.shipping.api.ShipmentCancelledEvent;
import com.runway.shipping.api.ShipmentCreatedEvent;
import com.runway.shipping.api.ShipmentDeliveredEvent;
import com.runway.shipping.api.ShipmentDispatchedEvent;
import com.runway.shipping.api.ShipmentRefusedEvent;

import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What each event of an order's flow means to a person: its context and aggregate, a sentence,
 * where the fulfilment process stands after it, and whether it undoes an earlier step. Events
 * that belong to no order (a SKU registered, stock restocked) have no line.
 */
final class JourneySummaries {

    record Line(String orderId, String context, String aggregateId, String summary, String sagaStep, boolean compensation) {
    }

    private JourneySummaries() {
    }

    static Optional<Line> of(Object event) {
        return Optional.ofNullable(line(event));
    }

    private static Line line(Object e) {
        if (e instanceof OrderPlacedEvent p) {
            String lines = p.lines().stream().map(l -> l.quantity() + " × " + l.sku().value()).collect(Collectors.joining(", "));
            return order(p.orderId().value(), "placed by " + p.customerId().value() + " via " + p.salesChannel() + ": " + lines + ", to "
                    + p.shippingAddress().country(), "RESERVING_STOCK");
        }
        if (e instanceof OrderPricedEvent p) {
            return order(p.orderId().value(), "priced at " + p.total(), "RESERVING_STOCK");
        }
        if (e instanceof OrderConfirmedEvent c) {
            return order(c.orderId().value(), "confirmed: stock reserved, payment authorised, shipment booked", "AWAITING_DISPATCH");
        }
        if (e instanceof OrderShippedEvent s) {
            return order(s.orderId().value(), "shipped", "AWAITING_DELIVERY");
        }
        if (e instanceof OrderDeliveredEvent d) {
            return order(d.orderId().value(), "delivered", "DELIVERED");
        }
        if (e instanceof OrderRejectedEvent r) {
            return order(r.orderId().value(), "rejected: " + r.reason(), "REJECTED");
        }
        if (e instanceof OrderCancellationRequestedEvent c) {
            return order(c.orderId().value(), "customer asked to cancel", "CANCELLING");
        }
        if (e instanceof OrderForceCancellationRequestedEvent f) {
            return order(f.orderId().value(), "force-cancelled by an operator: " + f.reason(), "CANCELLING");
        }
        if (e instanceof OrderCancelledEvent c) {
            return order(c.orderId().value(), "cancelled", "CANCELLED");
        }
        if (e instanceof StockReservedEvent r) {
            return new Line(r.orderId().value(), "inventory", r.sku().value(), "reserved " + r.quantity() + " × " + r.sku().value(),
                    "RESERVING_STOCK", false);
        }
        if (e instanceof StockReservationRejectedEvent r) {
            return new Line(r.orderId().value(), "inventory", r.sku().value(),
                    "could not reserve " + r.quantity() + " × " + r.sku().value() + ": " + r.reason(), "RESERVING_STOCK", false);
        }
        if (e instanceof StockReleasedEvent r) {
            return new Line(r.orderId().value(), "inventory", r.sku().value(), "released " + r.quantity() + " × " + r.sku().value(),
                    "COMPENSATING", true);
        }
        if (e instanceof StockShippedEvent s) {
            return new Line(s.orderId().value(), "inventory", s.sku().value(),
                    "took " + s.quantity() + " × " + s.sku().value() + " out of stock", "AWAITING_DELIVERY", false);
        }
        if (e instanceof PaymentAuthorisationRequestedEvent r) {
            return payment(r.orderId().value(), r.paymentId().value(), "asked the provider to authorise " + r.amount(), "AUTHORISING_PAYMENT", false);
        }
        if (e instanceof PaymentAuthorisedEvent a) {
            return payment(a.orderId().value(), a.paymentId().value(), "authorised " + a.amount() + " (" + a.authorisationCode() + ")",
                    "BOOKING_SHIPMENT", false);
        }
        if (e instanceof PaymentDeclinedEvent d) {
            return payment(d.orderId().value(), d.paymentId().value(), "declined: " + d.reason(), "REJECTING", false);
        }
        if (e instanceof PaymentCapturedEvent c) {
            return payment(c.orderId().value(), c.paymentId().value(), "captured " + c.amount(), "AWAITING_DELIVERY", false);
        }
        if (e instanceof PaymentVoidedEvent v) {
            return payment(v.orderId().value(), v.paymentId().value(), "voided the authorisation", "COMPENSATING", true);
        }
        if (e instanceof ShipmentCreatedEvent c) {
            return shipping(c.orderId().value(), c.shipmentId().value(), "booked with the carrier to " + c.destinationCountry(),
                    "AWAITING_DISPATCH", false);
        }
        if (e instanceof ShipmentRefusedEvent r) {
            return shipping(r.orderId().value(), r.shipmentId().value(), "carrier refused " + r.destinationCountry() + ": " + r.reason(),
                    "REJECTING", false);
        }
        if (e instanceof ShipmentDispatchedEvent d) {
            return shipping(d.orderId().value(), d.shipmentId().value(), "collected by the carrier", "AWAITING_DELIVERY", false);
        }
        if (e instanceof ShipmentDeliveredEvent d) {
            return shipping(d.orderId().value(), d.shipmentId().value(), "delivered by the carrier", "DELIVERED", false);
        }
        if (e instanceof ShipmentCancelledEvent c) {
            return shipping(c.orderId().value(), c.shipmentId().value(), "withdrawn from the carrier", "COMPENSATING", true);
        }
        return null;
    }

    private static Line order(String orderId, String summary, String step) {
        return new Line(orderId, "order", orderId, summary, step, false);
    }

    private static Line payment(String orderId, String paymentId, String summary, String step, boolean compensation) {
        return new Line(orderId, "payment", paymentId, summary, step, compensation);
    }

    private static Line shipping(String orderId, String shipmentId, String summary, String step, boolean compensation) {
        return new Line(orderId, "shipping", shipmentId, summary, step, compensation);
    }
}
