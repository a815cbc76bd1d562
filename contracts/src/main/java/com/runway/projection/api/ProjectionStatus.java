package com.runway.projection.api;

/**
 * Where one read model's event processor is in the event stream: its position, the head of the
 * stream and how many events it lags behind; during a replay, how far the rebuild has come, how
 * fast it goes and when it should be done (null otherwise, or before there is a rate to go by).
 */
public record ProjectionStatus(
        String name,
        long position,
        long head,
        long lag,
        boolean replaying,
        Double replayPercent,
        Double replayEventsPerSecond,
        Long replayEtaSeconds,
        int segments,
        String processorType) {
}
