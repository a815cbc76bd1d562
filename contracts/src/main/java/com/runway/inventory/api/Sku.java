package com.runway.inventory.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/** A stock-keeping unit code, e.g. {@code TSHIRT-RED-M}: one inventory aggregate each. */
public record Sku(@JsonValue String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Z0-9-]{1,64}");

    public Sku {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("sku must match [A-Z0-9-]{1,64}");
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Sku of(String value) {
        return new Sku(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
