package com.runway.order.api;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Places an order. {@code requestFingerprint} identifies the request body, so a retry under the same idempotency key can be told from a different order. */
public record PlaceOrderCommand(
        @TargetAggregateIdentifier OrderId orderId,
        CustomerId customerId,
        List<OrderLine> lines,
        ShippingAddress shippingAddress,
        String paymentToken,
        String requestFingerprint,
        SalesChannel salesChannel) {

    public PlaceOrderCommand {
        lines = List.copyOf(lines);
        salesChannel = salesChannel == null ? SalesChannel.WEB : salesChannel;
    }
}
