package com.runway.payment.api;

import com.runway.order.api.OrderId;
import com.runway.shared.Money;

/** The authorised amount was taken. */
public record PaymentCapturedEvent(
        PaymentId paymentId,
        OrderId orderId,
        Money amount) {
}
