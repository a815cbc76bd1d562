package com.runway.order.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/** The marketplace customer who placed an order. */
public record CustomerId(@JsonValue String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    public CustomerId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("customerId must match [A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
        }
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
