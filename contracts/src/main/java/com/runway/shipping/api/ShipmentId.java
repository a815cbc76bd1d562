package com.runway.shipping.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.runway.shared.Identifiers;

/** Identifies one shipment of an order, as the carrier knows it. */
public record ShipmentId(@JsonValue String value) {

    public ShipmentId {
        Identifiers.require("shipmentId", value, Identifiers.TOKEN);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ShipmentId of(String value) {
        return new ShipmentId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
