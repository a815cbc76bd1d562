package com.runway.order.api;

import org.axonframework.serialization.Revision;

import java.util.List;
import java.util.Objects;

/**
 * An order was accepted for fulfilment. Revision 2 added {@code salesChannel}; stored revision-1
 * events are read through {@link OrderPlacedEventUpcaster}.
 */
@Revision(OrderPlacedEvent.REVISION)
public record OrderPlacedEvent(
        OrderId orderId,
        CustomerId customerId,
        List<OrderLine> lines,
        ShippingAddress shippingAddress,
        String paymentToken,
        String requestFingerprint,
        SalesChannel salesChannel) {

    public static final String REVISION = "2";

    public OrderPlacedEvent {
        lines = List.copyOf(lines);
        Objects.requireNonNull(salesChannel, "salesChannel");
    }
}
