package com.runway.payment.api;

import com.runway.order.api.OrderId;
import com.runway.shared.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Asks the payment provider to hold the amount on the customer's payment method. */
public record AuthorisePaymentCommand(
        @TargetAggregateIdentifier PaymentId paymentId,
        OrderId orderId,
        Money amount,
        String paymentToken) {
}
