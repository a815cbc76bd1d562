package com.runway.standalone;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.axonframework.eventhandling.EventUtils.upcastAndDeserializeTrackedEvents;

/**
 * Axon's JDBC engine, except that an event read by a tracking processor has its timestamp parsed
 * once, by {@link StoredTimestamps}: Axon's entry parses it again on every call, once to decide
 * whether the reader's token keeps gaps and once more when the message is built. The token is worked
 * out as Axon's engine does (QuickTimestampsStorageEngineTest compares the two). Tracking readers at
 * the same place share their batches ({@link SharedTrackedReads}).
 */
class QuickTimestampsStorageEngine extends JdbcEventStorageEngine {

    /** Axon's defaults, set on the builder here because the engine cannot read them back from it. */
    static final int GAP_TIMEOUT_MILLIS = 60_000;
    static final int MAX_GAP_OFFSET = 10_000;
    static final long LOWEST_GLOBAL_SEQUENCE = 1;

    /** How many batches a rebuild may run ahead of a slower one ({@link SharedTrackedReads}). */
    static final int REBUILD_LEAD_BATCHES = 2;

    private final SharedTrackedReads sharedReads;

    /** @param sharedBatches how many batches read by one tracking reader are kept for others ({@link SharedTrackedReads}); 0 shares none */
    QuickTimestampsStorageEngine(Builder builder, int sharedBatches) {
        super(builder.gapTimeout(GAP_TIMEOUT_MILLIS).maxGapOffset(MAX_GAP_OFFSET).lowestGlobalSequence(LOWEST_GLOBAL_SEQUENCE));
        this.sharedReads = new SharedTrackedReads(
                token -> upcastAndDeserializeTrackedEvents(fetchTrackedEvents(token, batchSize()).stream(), getEventSerializer(), upcasterChain).toList(),
                this::createTailToken, sharedBatches, REBUILD_LEAD_BATCHES * (long) batchSize());
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return sharedReads.after(trackingToken);
    }

    SharedTrackedReads sharedReads() {
        return sharedReads;
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken) throws SQLException {
        EventSchema schema = schema();
        long globalSequence = resultSet.getLong(schema.globalIndexColumn());
        String aggregateIdentifier = resultSet.getString(schema.aggregateIdentifierColumn());
        String eventIdentifier = resultSet.getString(schema.eventIdentifierColumn());
        String stored = readTimeStamp(resultSet, schema.timestampColumn()).toString();
        Instant timestamp = StoredTimestamps.parse(stored);
        TimestampedEntry event = new TimestampedEntry(
                resultSet.getString(schema.typeColumn()),
                eventIdentifier.equals(aggregateIdentifier) ? null : aggregateIdentifier,
                resultSet.getLong(schema.sequenceNumberColumn()),
                eventIdentifier, stored, timestamp,
                resultSet.getString(schema.payloadTypeColumn()),
                resultSet.getString(schema.payloadRevisionColumn()),
                readPayload(resultSet, schema.payloadColumn()),
                readPayload(resultSet, schema.metaDataColumn()));
        boolean allowGaps = timestamp.isAfter(GenericEventMessage.clock.instant().minusMillis(GAP_TIMEOUT_MILLIS));
        GapAwareTrackingToken token = previousToken == null
                ? GapAwareTrackingToken.newInstance(globalSequence, allowGaps ? gapsBefore(globalSequence) : Collections.emptySortedSet())
                : previousToken.advanceTo(globalSequence, allowGaps ? MAX_GAP_OFFSET : 0);
        return new TrackedDomainEventData<>(token, event);
    }

    private SortedSet<Long> gapsBefore(long globalSequence) {
        return LongStream.range(Math.min(LOWEST_GLOBAL_SEQUENCE, globalSequence), globalSequence)
                .boxed()
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** An entry whose timestamp is already parsed. */
    private static final class TimestampedEntry extends GenericDomainEventEntry<Object> {

        private final Instant timestamp;

        TimestampedEntry(String type, String aggregateIdentifier, long sequenceNumber, String eventIdentifier, String stored,
                         Instant timestamp, String payloadType, String payloadRevision, Object payload, Object metaData) {
            super(type, aggregateIdentifier, sequenceNumber, eventIdentifier, stored, payloadType, payloadRevision, payload, metaData);
            this.timestamp = timestamp;
        }

        @Override
        public Instant getTimestamp() {
            return timestamp;
        }
    }
}
