package com.runway.order.api;

/** The parcel left with the carrier. */
public record OrderShippedEvent(
        OrderId orderId) {
}
