package com.runway.inventory.api;

import com.runway.order.api.OrderId;

/** A reservation could not be met; nothing was held. */
public record StockReservationRejectedEvent(
        Sku sku,
        OrderId orderId,
        int quantity,
        StockRejectionReason reason) {
}
