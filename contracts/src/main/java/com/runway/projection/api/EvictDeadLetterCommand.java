package com.runway.projection.api;

import java.util.Objects;

/** Gives up on one parked event: it is dropped, and the letters behind it in its sequence go next. */
public record EvictDeadLetterCommand(String id) {

    public EvictDeadLetterCommand {
        Objects.requireNonNull(id, "id");
    }
}
