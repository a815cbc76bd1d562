package com.runway.order.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that the carrier has the parcel. */
public record MarkOrderShippedCommand(
        @TargetAggregateIdentifier OrderId orderId) {
}
