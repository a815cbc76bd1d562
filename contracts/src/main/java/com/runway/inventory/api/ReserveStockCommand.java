package com.runway.inventory.api;

import com.runway.order.api.OrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Holds units of a SKU for an order until they ship or are released. */
public record ReserveStockCommand(
        @TargetAggregateIdentifier Sku sku,
        OrderId orderId,
        int quantity) {
}
