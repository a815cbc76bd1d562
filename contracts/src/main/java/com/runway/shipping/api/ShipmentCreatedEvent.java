package com.runway.shipping.api;

import com.runway.order.api.OrderId;

/** The carrier booked the shipment. */
public record ShipmentCreatedEvent(
        ShipmentId shipmentId,
        OrderId orderId,
        String destinationCountry) {
}
