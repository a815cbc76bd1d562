package com.runway.order.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

/**
 * An operator's repair for an order stuck before shipping (a provider that never answered, a lost
 * process): cancel it now and undo whatever it holds, whether or not its fulfilment process is alive.
 */
public record ForceCancelOrderCommand(@TargetAggregateIdentifier OrderId orderId, String reason) {

    public ForceCancelOrderCommand {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(reason, "reason");
    }
}
