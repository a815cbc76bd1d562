package com.runway.order.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.runway.shared.Identifiers;

/** The marketplace customer who placed an order. */
public record CustomerId(@JsonValue String value) {

    public CustomerId {
        Identifiers.require("customerId", value, Identifiers.TOKEN);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static CustomerId of(String value) {
        return new CustomerId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
