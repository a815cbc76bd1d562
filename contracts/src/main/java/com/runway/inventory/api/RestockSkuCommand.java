package com.runway.inventory.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds received units to the stock on hand. */
public record RestockSkuCommand(
        @TargetAggregateIdentifier Sku sku,
        int quantity) {
}
