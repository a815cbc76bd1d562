package com.runway.order.api;

import java.util.List;

/** One page of orders; total counts every match. */
public record OrderPage(
        List<OrderView> items,
        int page,
        int size,
        long total) {

    public OrderPage {
        items = List.copyOf(items);
    }
}
