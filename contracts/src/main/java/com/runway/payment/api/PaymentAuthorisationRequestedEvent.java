package com.runway.payment.api;

import com.runway.order.api.OrderId;
import com.runway.shared.Money;

/** The provider was asked to authorise the amount. */
public record PaymentAuthorisationRequestedEvent(
        PaymentId paymentId,
        OrderId orderId,
        Money amount) {
}
