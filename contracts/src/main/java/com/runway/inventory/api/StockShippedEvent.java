package com.runway.inventory.api;

import com.runway.order.api.OrderId;

/** An order's held units left the stock on hand. */
public record StockShippedEvent(
        Sku sku,
        OrderId orderId,
        int quantity) {
}
