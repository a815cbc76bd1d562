package com.runway.order.api;

import com.runway.shared.Money;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records the prices the order's stock was reserved at, and so what it costs. */
public record PriceOrderCommand(
        @TargetAggregateIdentifier OrderId orderId,
        List<PricedOrderLine> lines,
        Money total) {

    public PriceOrderCommand {
        lines = List.copyOf(lines);
    }
}
