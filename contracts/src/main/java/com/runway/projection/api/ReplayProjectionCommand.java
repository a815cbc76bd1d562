package com.runway.projection.api;

/** Rebuilds one read model from the start of the event stream. */
public record ReplayProjectionCommand(
        String name) {
}
