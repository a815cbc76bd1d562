package com.runway.projection.api;

import java.util.List;

public record DeadLetters(List<DeadLetterView> letters) {

    public DeadLetters {
        letters = List.copyOf(letters);
    }
}
