package com.runway.order.api;

/** The customer asked to cancel the order. */
public record OrderCancellationRequestedEvent(
        OrderId orderId) {
}
