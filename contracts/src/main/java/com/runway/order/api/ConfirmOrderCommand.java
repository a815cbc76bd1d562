package com.runway.order.api;

import com.runway.payment.api.PaymentId;
import com.runway.shipping.api.ShipmentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Confirms an order whose stock is held, payment authorised and shipment booked. */
public record ConfirmOrderCommand(
        @TargetAggregateIdentifier OrderId orderId,
        PaymentId paymentId,
        ShipmentId shipmentId) {
}
