package com.runway.payment.api;

import com.runway.order.api.OrderId;
import com.runway.shared.Money;

/** The provider holds the amount. */
public record PaymentAuthorisedEvent(
        PaymentId paymentId,
        OrderId orderId,
        Money amount,
        String authorisationCode) {
}
