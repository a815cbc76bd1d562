package com.runway.order.api;

import com.runway.inventory.api.Sku;
import com.runway.shared.Money;

/** One line of an order as read; unitPrice is null until the line is priced. */
public record OrderLineView(
        Sku sku,
        int quantity,
        Money unitPrice) {
}
