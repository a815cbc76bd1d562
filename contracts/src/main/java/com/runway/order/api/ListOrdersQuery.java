package com.runway.order.api;

/** Asks for a page of orders, newest first; null filters match everything. */
public record ListOrdersQuery(
        CustomerId customerId,
        OrderStatus status,
        int page,
        int size) {
}
