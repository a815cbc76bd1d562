package com.runway.projection.api;

/** Where one read model's event processor is in the event stream. */
public record ProjectionStatus(
        String name,
        long position,
        boolean replaying,
        int segments,
        String processorType) {
}
