package com.runway.payment.command;

import com.runway.shared.Money;

/** The card processor the marketplace authorises payments with. */
public interface PaymentProvider {

    AuthorisationDecision authorise(String paymentToken, Money amount);
}
