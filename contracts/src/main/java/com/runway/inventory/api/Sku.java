package com.runway.inventory.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.runway.shared.Identifiers;
import java.util.regex.Pattern;

/** A stock-keeping unit code, e.g. {@code TSHIRT-RED-M}: one inventory aggregate each. */
public record Sku(@JsonValue String value) {

    public static final String FORMAT = "[A-Z0-9-]{1,64}";
    private static final Pattern PATTERN = Pattern.compile(FORMAT);

    public Sku {
        Identifiers.require("sku", value, PATTERN);
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
