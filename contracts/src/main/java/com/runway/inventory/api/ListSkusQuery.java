package com.runway.inventory.api;

/** Asks for a page of the catalogue, ordered by SKU code. */
public record ListSkusQuery(
        int page,
        int size) {
}
