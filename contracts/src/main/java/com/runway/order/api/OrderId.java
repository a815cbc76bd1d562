package com.runway.order.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.runway.shared.Identifiers;
import com.runway.shared.TimeOrderedIds;

/** Identifies one order; generated, or derived from an idempotency key. */
public record OrderId(@JsonValue String value) {

    public OrderId {
        Identifiers.require("orderId", value, Identifiers.TOKEN);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static OrderId of(String value) {
        return new OrderId(value);
    }

    public static OrderId generate() {
        return new OrderId(TimeOrderedIds.next());
    }

    @Override
    public String toString() {
        return value;
    }
}
