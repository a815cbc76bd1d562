package com.runway.fulfilment.saga;

import java.time.Duration;

/** How long the saga waits for the payment provider before it voids and rejects ({@code runway.payment.timeout}). */
public record FulfilmentSettings(Duration paymentTimeout) {

    public FulfilmentSettings {
        if (paymentTimeout.isNegative() || paymentTimeout.isZero()) {
            throw new IllegalArgumentException("runway.payment.timeout must be positive");
        }
    }
}
