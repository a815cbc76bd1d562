package com.runway.order.api;

import com.runway.inventory.api.Sku;

import java.util.List;

/** An operator forced the order's cancellation; {@code skus} are what it may hold stock of. */
public record OrderForceCancellationRequestedEvent(OrderId orderId, List<Sku> skus, String reason) {

    public OrderForceCancellationRequestedEvent {
        skus = List.copyOf(skus);
    }
}
