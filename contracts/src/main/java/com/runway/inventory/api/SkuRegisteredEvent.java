package com.runway.inventory.api;

import com.runway.shared.Money;

/** A SKU joined the catalogue. */
public record SkuRegisteredEvent(
        Sku sku,
        String name,
        Money unitPrice,
        int initialStock) {
}
