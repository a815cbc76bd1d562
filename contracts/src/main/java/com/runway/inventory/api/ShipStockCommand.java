package com.runway.inventory.api;

import com.runway.order.api.OrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Takes the order's reserved units out of the stock on hand: they left the warehouse. */
public record ShipStockCommand(
        @TargetAggregateIdentifier Sku sku,
        OrderId orderId) {
}
