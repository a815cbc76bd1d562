package com.runway.order.api;

/** The order was turned down. */
public record OrderRejectedEvent(
        OrderId orderId,
        RejectionReason reason) {
}
