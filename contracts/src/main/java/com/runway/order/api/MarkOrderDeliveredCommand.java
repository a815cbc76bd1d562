package com.runway.order.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that the customer has the parcel. */
public record MarkOrderDeliveredCommand(
        @TargetAggregateIdentifier OrderId orderId) {
}
