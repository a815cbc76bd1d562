package com.runway.inventory.api;

import com.runway.order.api.OrderId;

/** An order's held units went back to available stock. */
public record StockReleasedEvent(
        Sku sku,
        OrderId orderId,
        int quantity) {
}
