package com.runway.inventory.api;

/** Why a stock reservation was refused. */
public enum StockRejectionReason {
    OUT_OF_STOCK,
    UNKNOWN_SKU
}
