package com.runway.inventory.api;

import com.runway.order.api.OrderId;
import com.runway.shared.Money;

/** Units are held for an order, at the price the SKU had when they were reserved. */
public record StockReservedEvent(
        Sku sku,
        OrderId orderId,
        int quantity,
        Money unitPrice) {
}
