package com.runway.shipping.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Withdraws a booked shipment that has not been dispatched. */
public record CancelShipmentCommand(
        @TargetAggregateIdentifier ShipmentId shipmentId) {
}
