package com.runway.order.api;

/** Where the customer placed the order. Orders placed before channels were recorded count as WEB. */
public enum SalesChannel {
    WEB,
    APP,
    PARTNER
}
