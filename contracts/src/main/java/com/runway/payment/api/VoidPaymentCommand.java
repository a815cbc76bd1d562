package com.runway.payment.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Lets go of an authorisation, or of one still waiting for the provider. */
public record VoidPaymentCommand(
        @TargetAggregateIdentifier PaymentId paymentId) {
}
