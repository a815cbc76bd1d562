package com.runway.shipping.api;

import com.runway.order.api.OrderId;

/** The carrier collected the parcel. */
public record ShipmentDispatchedEvent(
        ShipmentId shipmentId,
        OrderId orderId) {
}
