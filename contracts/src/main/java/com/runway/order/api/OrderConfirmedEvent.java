package com.runway.order.api;

import com.runway.payment.api.PaymentId;
import com.runway.shipping.api.ShipmentId;

/** Stock held, payment authorised, shipment booked. */
public record OrderConfirmedEvent(
        OrderId orderId,
        PaymentId paymentId,
        ShipmentId shipmentId) {
}
