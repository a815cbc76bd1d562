package com.runway.payment.command;

import com.runway.shared.Money;

import java.util.UUID;

/**
 * Decides by token, the way card processors' test tokens do: {@code tok_visa} approves,
 * {@code tok_declined} declines, {@code tok_no_response} never answers. Any other token is declined
 * as unknown, as a real processor would.
 */
public class SimulatedPaymentProvider implements PaymentProvider {

    @Override
    public AuthorisationDecision authorise(String paymentToken, Money amount) {
        return switch (paymentToken) {
            case "tok_visa" -> AuthorisationDecision.approved("AUTH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase());
            case "tok_declined" -> AuthorisationDecision.declined("card_declined");
            case "tok_no_response" -> AuthorisationDecision.noResponse();
            default -> AuthorisationDecision.declined("unknown_payment_token");
        };
    }
}
