package com.runway.payment.api;

import com.runway.order.api.OrderId;

/** The authorisation was let go; nothing will be taken. */
public record PaymentVoidedEvent(
        PaymentId paymentId,
        OrderId orderId) {
}
