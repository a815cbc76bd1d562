package com.runway.order.api;

import com.runway.payment.api.PaymentId;
import com.runway.shared.Money;
import com.runway.shipping.api.ShipmentId;
import java.time.Instant;
import java.util.List;

/** The read model of one order. */
public record OrderView(
        OrderId orderId,
        CustomerId customerId,
        OrderStatus status,
        RejectionReason rejectionReason,
        List<OrderLineView> lines,
        Money total,
        PaymentId paymentId,
        ShipmentId shipmentId,
        Instant placedAt,
        Instant updatedAt) {

    public OrderView {
        lines = List.copyOf(lines);
    }
}
