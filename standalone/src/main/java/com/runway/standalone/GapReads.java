package com.runway.standalone;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * How a tracking reader fetches the next events while its token still waits on gaps (index values
 * taken by transactions that had not committed, or never will). Axon's statement asks for
 * {@code (index > ? AND index <= ?) OR index IN (gaps)}; H2 answers that OR by walking the whole
 * table from its first row, so every fetch cost more as the store grew (22 ms at 36,000 events; the
 * reader thread took 9 % of the app's CPU). The same rows as two ranges H2 can each take from the
 * primary key, one for the new events and one for the gaps.
 */
final class GapReads {

    private GapReads() {
    }

    static PreparedStatement statement(Connection connection, EventSchema schema, long globalIndex, int batchSize,
                                       List<Long> gaps) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql(schema, gaps.size()));
        statement.setLong(1, globalIndex);
        statement.setLong(2, globalIndex + batchSize);
        for (int i = 0; i < gaps.size(); i++) {
            statement.setLong(3 + i, gaps.get(i));
        }
        return statement;
    }

    static String sql(EventSchema schema, int gaps) {
        String index = schema.globalIndexColumn();
        String select = "SELECT " + schema.trackedEventFields() + " FROM " + schema.domainEventTable();
        return select + " WHERE " + index + " > ? AND " + index + " <= ?"
                + " UNION ALL " + select + " WHERE " + index + " IN (" + String.join(",", Collections.nCopies(gaps, "?")) + ")"
                + " ORDER BY " + index + " ASC";
    }
}
