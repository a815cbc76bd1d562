package com.runway.order.api;

/** The parcel reached the customer. */
public record OrderDeliveredEvent(
        OrderId orderId) {
}
