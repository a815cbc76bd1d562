package com.runway.shipping.api;

import com.runway.order.api.OrderId;

/** The carrier delivered the parcel. */
public record ShipmentDeliveredEvent(
        ShipmentId shipmentId,
        OrderId orderId) {
}
