package com.runway.payment.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Takes the authorised amount. */
public record CapturePaymentCommand(
        @TargetAggregateIdentifier PaymentId paymentId) {
}
