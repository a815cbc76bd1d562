package com.runway.shipping.api;

import com.runway.order.api.OrderId;

/** The booking was withdrawn before dispatch. */
public record ShipmentCancelledEvent(
        ShipmentId shipmentId,
        OrderId orderId) {
}
