package com.runway.inventory.api;

import com.runway.shared.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds a SKU to the catalogue with its price and the stock on hand. */
public record RegisterSkuCommand(
        @TargetAggregateIdentifier Sku sku,
        String name,
        Money unitPrice,
        int initialStock) {
}
