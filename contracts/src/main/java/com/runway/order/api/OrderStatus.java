package com.runway.order.api;

/** Where an order is in its life; REJECTED, CANCELLED and DELIVERED are terminal. */
public enum OrderStatus {
    PLACED,
    CONFIRMED,
    SHIPPED,
    DELIVERED,
    REJECTED,
    CANCELLED;

    public boolean isTerminal() {
        return this == DELIVERED || this == REJECTED || this == CANCELLED;
    }
}
