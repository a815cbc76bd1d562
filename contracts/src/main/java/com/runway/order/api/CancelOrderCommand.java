package com.runway.order.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ends a cancelled order once its stock and payment are given back. */
public record CancelOrderCommand(
        @TargetAggregateIdentifier OrderId orderId) {
}
