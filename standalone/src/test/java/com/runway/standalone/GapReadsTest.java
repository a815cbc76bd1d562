package com.runway.standalone;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.JdbcEventStorageEngineStatements;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GapReadsTest {

    private final EventSchema schema = new EventSchema();
    private Connection connection;

    @BeforeEach
    void storeWithHoles() throws SQLException {
        connection = DriverManager.getConnection("jdbc:h2:mem:gaps;DB_CLOSE_DELAY=-1", "sa", "");
        try (PreparedStatement create = H2EventTableFactory.INSTANCE.createDomainEventTable(connection, schema)) {
            create.execute();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO DomainEventEntry (globalIndex, eventIdentifier,"
                + " aggregateIdentifier, sequenceNumber, type, timeStamp, payloadType, payload) VALUES (?, ?, ?, 0, 'Order', '2026-11-29', 'E', X'00')")) {
            for (long index = 0; index < 2_000; index++) {
                if (index % 7 == 3) {
                    continue;
                }
                insert.setLong(1, index);
                insert.setString(2, "event-" + index);
                insert.setString(3, "order-" + index);
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
    void readsTheSameEventsAsAxonsStatement() throws SQLException {
        List<Long> gaps = List.of(1_500L, 1_700L, 1_704L, 1_710L, 1_800L);

        List<Long> axons = indexes(JdbcEventStorageEngineStatements.readEventDataWithGaps(connection, schema, 1_800, 50, gaps));
        List<Long> ours = indexes(GapReads.statement(connection, schema, 1_800, 50, gaps));

        assertThat(ours).isEqualTo(axons)
                .startsWith(1_500L, 1_700L, 1_710L, 1_800L, 1_801L)
                .doesNotContain(1_704L, 1_802L)
                .endsWith(1_850L)
                .isSorted();
    }

    @Test
    void takesBothRangesFromThePrimaryKeyInsteadOfWalkingTheTable() throws SQLException {
        try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + GapReads.sql(schema, 2))) {
            explain.setLong(1, 1_800);
            explain.setLong(2, 1_850);
            explain.setLong(3, 1_501);
            explain.setLong(4, 1_703);
            try (ResultSet plan = explain.executeQuery()) {
                plan.next();
                assertThat(plan.getString(1).replaceAll("\\s+", " "))
                        .containsPattern("/\\* [\\w.]+: GLOBALINDEX > \\?1 AND GLOBALINDEX <= \\?2 \\*/")
                        .containsPattern("/\\* [\\w.]+: GLOBALINDEX IN\\(\\?3, \\?4\\) \\*/");
            }
        }
    }

    @Test
    void axonsStatementWalksTheWholeTable() throws SQLException {
        try (PreparedStatement axons = JdbcEventStorageEngineStatements.readEventDataWithGaps(connection, schema, 1_800, 50, List.of(1_501L));
             PreparedStatement explain = connection.prepareStatement("EXPLAIN " + axonsSql(axons))) {
            try (ResultSet plan = explain.executeQuery()) {
                plan.next();
                assertThat(plan.getString(1).replaceAll("\\s+", " ")).doesNotContainPattern("/\\* [\\w.]+: GLOBALINDEX");
            }
        }
    }

    private static String axonsSql(PreparedStatement statement) {
        String text = statement.toString();
        return text.substring(text.indexOf("SELECT"), text.lastIndexOf(" {"))
                .replaceFirst("\\?", "1800").replaceFirst("\\?", "1850").replaceFirst("\\?", "1501");
    }

    private static List<Long> indexes(PreparedStatement statement) throws SQLException {
        List<Long> indexes = new ArrayList<>();
        try (statement; ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                indexes.add(rows.getLong(1));
            }
        }
        return indexes;
    }
}
