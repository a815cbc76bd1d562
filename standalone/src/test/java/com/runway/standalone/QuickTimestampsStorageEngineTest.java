package com.runway.standalone;

import com.runway.shared.MessageSerialization;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QuickTimestampsStorageEngineTest {

    private static final String URL = "jdbc:h2:mem:timestamps;DB_CLOSE_DELAY=-1";
    private final Instant now = Instant.now();
    private Connection connection;

    /** Old events, then recent ones, with holes in their indexes: a reader's token keeps those younger than the gap timeout as gaps. */
    @BeforeEach
    void storeWithOldAndRecentEvents() throws SQLException {
        connection = DriverManager.getConnection(URL, "sa", "");
        try (PreparedStatement create = H2EventTableFactory.INSTANCE.createDomainEventTable(connection, new EventSchema())) {
            create.execute();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO DomainEventEntry (globalIndex, eventIdentifier,"
                + " aggregateIdentifier, sequenceNumber, type, timeStamp, payloadType, payload, metaData)"
                + " VALUES (?, ?, ?, ?, 'Order', ?, 'java.lang.String', ?, ?)")) {
            for (long index = 1; index <= 300; index++) {
                if (index % 11 == 5) {
                    continue;
                }
                Instant at = index <= 150 ? now.minus(Duration.ofDays(400)).plusSeconds(index) : now.minusSeconds(300 - index);
                insert.setLong(1, index);
                insert.setString(2, "event-" + index);
                insert.setString(3, "order-" + index % 13);
                insert.setLong(4, index);
                insert.setString(5, DateTimeUtils.formatInstant(at));
                insert.setBytes(6, ("\"placed " + index + "\"").getBytes());
                insert.setBytes(7, "{\"traceId\":\"flow\"}".getBytes());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    @AfterEach
    void drop() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP ALL OBJECTS");
        }
        connection.close();
    }

    @Test
    void readsTheSameEventsTimestampsAndTokensAsAxonsEngine() {
        List<? extends TrackedEventMessage<?>> axons = engine(false).readEvents(null, false).toList();
        List<? extends TrackedEventMessage<?>> ours = engine(true).readEvents(null, false).toList();

        assertThat(ours).hasSize(273).hasSameSizeAs(axons);
        for (int i = 0; i < axons.size(); i++) {
            assertThat(ours.get(i).trackingToken()).isEqualTo(axons.get(i).trackingToken());
            assertThat(ours.get(i).getTimestamp()).isEqualTo(axons.get(i).getTimestamp());
            assertThat(ours.get(i).getIdentifier()).isEqualTo(axons.get(i).getIdentifier());
            assertThat(ours.get(i).getPayload()).isEqualTo(axons.get(i).getPayload());
            assertThat(ours.get(i).getMetaData()).isEqualTo(axons.get(i).getMetaData());
        }
        assertThat(ours.get(0).getTimestamp()).isEqualTo(now.minus(Duration.ofDays(400)).plusSeconds(1).truncatedTo(ChronoUnit.MILLIS));
        assertThat(ours.get(ours.size() - 1).trackingToken().toString()).isEqualTo("GapAwareTrackingToken{index=300, gaps=[247, 258, 269, 280, 291]}");
    }

    @Test
    void aSecondReaderTakesTheFirstOnesBatchesUpToTheFirstTokenWithGapsAndReadsTheSameAsAxonsEngine() {
        List<? extends TrackedEventMessage<?>> axons = engine(false).readEvents(null, false).toList();
        QuickTimestampsStorageEngine sharing = (QuickTimestampsStorageEngine) engine(true, 8);
        List<? extends TrackedEventMessage<?>> first = sharing.readEvents(null, false).toList();
        List<? extends TrackedEventMessage<?>> second = sharing.readEvents(null, false).toList();

        assertThat(second).hasSameSizeAs(axons);
        for (int i = 0; i < axons.size(); i++) {
            assertThat(second.get(i).trackingToken()).isEqualTo(axons.get(i).trackingToken());
            assertThat(second.get(i).getIdentifier()).isEqualTo(axons.get(i).getIdentifier());
            assertThat(second.get(i).getPayload()).isEqualTo(axons.get(i).getPayload());
        }
        // the batches after nothing, 48, 98, 147, 197 and 246 start after tokens without gaps (old events give theirs
        // up); the one after 296 starts on a token waiting for the recent events' gaps
        assertThat(sharing.sharedReads().batchesShared()).isEqualTo(6);
        assertThat(second.get(0)).isSameAs(first.get(0));
        assertThat(second.get(second.size() - 1).trackingToken().position()).hasValue(300);
        assertThat(second.get(second.size() - 1)).isNotSameAs(first.get(first.size() - 1));
    }

    private static JdbcEventStorageEngine engine(boolean quick) {
        return engine(quick, 0);
    }

    private static JdbcEventStorageEngine engine(boolean quick, int sharedBatches) {
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                .eventSerializer(MessageSerialization.messageSerializer())
                .snapshotSerializer(MessageSerialization.messageSerializer())
                .connectionProvider(() -> DriverManager.getConnection(URL, "sa", ""))
                .transactionManager(NoTransactionManager.INSTANCE)
                .readEventDataWithGaps(GapReads::statement)
                .batchSize(50);
        return quick ? new QuickTimestampsStorageEngine(builder, sharedBatches) : builder.build();
    }
}
