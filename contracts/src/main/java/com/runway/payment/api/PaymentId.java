package com.runway.payment.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.runway.shared.Identifiers;

/** Identifies one payment authorisation and its capture or void. */
public record PaymentId(@JsonValue String value) {

    public PaymentId {
        Identifiers.require("paymentId", value, Identifiers.TOKEN);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static PaymentId of(String value) {
        return new PaymentId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
