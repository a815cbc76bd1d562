package com.runway.inventory.api;

/** Asks for one SKU's stock figures; answers a {@link SkuView} or nothing. */
public record FindSkuQuery(
        Sku sku) {
}
