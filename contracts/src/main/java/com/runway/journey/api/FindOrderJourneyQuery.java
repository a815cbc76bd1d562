package com.runway.journey.api;

import com.runway.order.api.OrderId;

import java.util.Objects;

/** Every event of one order's flow, across contexts, in the order they happened. */
public record FindOrderJourneyQuery(OrderId orderId) {

    public FindOrderJourneyQuery {
        Objects.requireNonNull(orderId, "orderId");
    }
}
