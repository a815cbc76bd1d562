package com.runway.projection.api;

import java.time.Instant;

/**
 * One parked event: {@code id} names it for retry and eviction; {@code sequenceHead} is the id of
 * the first letter of its sequence (events of one aggregate wait behind the first that failed).
 */
public record DeadLetterView(
        String id,
        String projection,
        String sequenceHead,
        String eventType,
        String cause,
        Instant enqueuedAt,
        Instant lastTouched) {
}
