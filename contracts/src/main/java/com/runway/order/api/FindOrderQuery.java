package com.runway.order.api;

/** Asks for one order; answers an {@link OrderView} or nothing. Also the subscription of its updates. */
public record FindOrderQuery(
        OrderId orderId) {
}
