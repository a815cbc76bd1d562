package com.runway.shipping.api;

import com.runway.order.api.OrderId;

/** The shipment could not be booked; nothing is owed to the carrier. */
public record ShipmentRefusedEvent(
        ShipmentId shipmentId,
        OrderId orderId,
        String destinationCountry,
        String reason) {
}
