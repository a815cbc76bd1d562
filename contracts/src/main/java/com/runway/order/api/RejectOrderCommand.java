package com.runway.order.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Turns the order down; the fulfilment process has already undone what it took. */
public record RejectOrderCommand(
        @TargetAggregateIdentifier OrderId orderId,
        RejectionReason reason) {
}
