package com.runway.order.api;

import com.runway.inventory.api.Sku;
import com.runway.shared.Money;

/** An order line at the price its stock was reserved at. */
public record PricedOrderLine(
        Sku sku,
        int quantity,
        Money unitPrice) {

    public Money lineTotal() {
        return unitPrice.times(quantity);
    }
}
