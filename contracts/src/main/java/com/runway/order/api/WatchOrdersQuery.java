package com.runway.order.api;

/**
 * A subscription to every order's changes, for live dashboards: the initial answer is the newest
 * {@code size} orders, each update an order as it has just changed.
 */
public record WatchOrdersQuery(int size) {

    public WatchOrdersQuery {
        if (size < 1 || size > 100) {
            throw new IllegalArgumentException("size must be 1 to 100");
        }
    }
}
