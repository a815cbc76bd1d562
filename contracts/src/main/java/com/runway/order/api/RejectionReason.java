package com.runway.order.api;

/** Why the fulfilment process turned an order down. */
public enum RejectionReason {
    OUT_OF_STOCK,
    UNKNOWN_SKU,
    PAYMENT_DECLINED,
    PAYMENT_TIMEOUT,
    UNDELIVERABLE_ADDRESS
}
