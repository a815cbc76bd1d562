package com.runway.projection.api;

/** Asks for the status of every read model's event processor. */
public record FindProjectionStatusesQuery(
        ) {
}
