package com.runway.order.api;

import com.runway.inventory.api.Sku;

/** One SKU and how many units of it an order asks for. */
public record OrderLine(
        Sku sku,
        int quantity) {
}
