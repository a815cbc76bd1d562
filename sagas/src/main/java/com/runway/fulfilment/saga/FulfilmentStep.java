package com.runway.fulfilment.saga;

/** Where the fulfilment of one order stands, as the saga sees it. */
public enum FulfilmentStep {
    RESERVING_STOCK,
    AUTHORISING_PAYMENT,
    TIMING_OUT,
    BOOKING_SHIPMENT,
    AWAITING_DISPATCH,
    WITHDRAWING_SHIPMENT,
    AWAITING_DELIVERY,
    DELIVERED,
    REJECTED,
    CANCELLED
}
