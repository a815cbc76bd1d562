package com.runway.journey.api;

import java.time.Instant;

/**
 * One event of an order's flow: when, in which context and aggregate, what it was, a sentence a
 * support agent can read, which flow it belongs to (correlation id) and which message caused it
 * (causation id), where the fulfilment process stood after it, and whether it undid an earlier step.
 */
public record JourneyStep(
        long position,
        Instant at,
        String context,
        String aggregateId,
        String eventType,
        String summary,
        String correlationId,
        String causationId,
        String sagaStep,
        boolean compensation) {
}
