package com.runway.order.api;

import com.runway.shared.Money;
import java.util.List;

/** The order's lines were priced from the SKUs they reserved. */
public record OrderPricedEvent(
        OrderId orderId,
        List<PricedOrderLine> lines,
        Money total) {

    public OrderPricedEvent {
        lines = List.copyOf(lines);
    }
}
