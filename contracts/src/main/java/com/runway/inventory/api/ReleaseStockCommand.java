package com.runway.inventory.api;

import com.runway.order.api.OrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Gives back whatever the order holds of this SKU; nothing if it holds none. */
public record ReleaseStockCommand(
        @TargetAggregateIdentifier Sku sku,
        OrderId orderId) {
}
