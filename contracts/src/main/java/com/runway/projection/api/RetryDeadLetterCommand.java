package com.runway.projection.api;

import java.util.Objects;

/** Hands the sequence holding this letter back to its handler, from its first letter; what fails again stays parked. */
public record RetryDeadLetterCommand(String id) {

    public RetryDeadLetterCommand {
        Objects.requireNonNull(id, "id");
    }
}
