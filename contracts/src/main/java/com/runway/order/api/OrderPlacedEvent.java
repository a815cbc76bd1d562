package com.runway.order.api;

import java.util.List;

/** An order was accepted for fulfilment. */
public record OrderPlacedEvent(
        OrderId orderId,
        CustomerId customerId,
        List<OrderLine> lines,
        ShippingAddress shippingAddress,
        String paymentToken,
        String requestFingerprint) {

    public OrderPlacedEvent {
        lines = List.copyOf(lines);
    }
}
