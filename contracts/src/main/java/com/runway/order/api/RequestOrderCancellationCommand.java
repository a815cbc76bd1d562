package com.runway.order.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The customer asks to cancel; allowed until the order ships. */
public record RequestOrderCancellationCommand(
        @TargetAggregateIdentifier OrderId orderId) {
}
