package com.runway.shipping.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The carrier's callback: the parcel was delivered. */
public record DeliverShipmentCommand(
        @TargetAggregateIdentifier ShipmentId shipmentId) {
}
