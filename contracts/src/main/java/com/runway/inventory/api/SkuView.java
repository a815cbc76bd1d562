package com.runway.inventory.api;

import com.runway.shared.Money;

/** The read model of one SKU: available = onHand - reserved. */
public record SkuView(
        Sku sku,
        String name,
        Money unitPrice,
        int onHand,
        int reserved,
        int available) {
}
