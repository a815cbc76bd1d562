package com.runway.payment.api;

import com.runway.order.api.OrderId;

/** The provider refused the authorisation. */
public record PaymentDeclinedEvent(
        PaymentId paymentId,
        OrderId orderId,
        String reason) {
}
