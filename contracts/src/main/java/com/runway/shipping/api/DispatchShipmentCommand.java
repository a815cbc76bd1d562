package com.runway.shipping.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The carrier's callback: the parcel was collected. */
public record DispatchShipmentCommand(
        @TargetAggregateIdentifier ShipmentId shipmentId) {
}
