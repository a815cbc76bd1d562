package com.runway.inventory.api;

/** Units were added to the stock on hand. */
public record StockRestockedEvent(
        Sku sku,
        int quantity) {
}
