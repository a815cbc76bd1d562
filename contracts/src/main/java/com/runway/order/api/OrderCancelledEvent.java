package com.runway.order.api;

/** The order was cancelled; nothing it held is still taken. */
public record OrderCancelledEvent(
        OrderId orderId) {
}
