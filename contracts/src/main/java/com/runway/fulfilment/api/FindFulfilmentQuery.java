package com.runway.fulfilment.api;

import com.runway.order.api.OrderId;

import java.util.Objects;

/** The live state of an order's fulfilment process, for operators; absent once the process has ended. */
public record FindFulfilmentQuery(OrderId orderId) {

    public FindFulfilmentQuery {
        Objects.requireNonNull(orderId, "orderId");
    }
}
