package com.runway.shipping.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;
import java.util.regex.Pattern;

/** Identifies one shipment of an order, as the carrier knows it. */
public record ShipmentId(@JsonValue String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    public ShipmentId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("shipmentId must match [A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ShipmentId of(String value) {
        return new ShipmentId(value);
    }

    public static ShipmentId generate() {
        return new ShipmentId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
