package com.runway.projection.api;

/** Every event a read model's handler failed on, parked with the rest of its sequence. */
public record FindDeadLettersQuery() {
}
