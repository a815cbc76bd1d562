package com.runway.standalone;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** An in-memory H2 database for tests of the embedded store's schema, and what its catalogue says about a column. */
final class InMemoryH2 {

    private final SingleConnectionDataSource store;

    InMemoryH2(String name) {
        this.store = new SingleConnectionDataSource("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "", true);
    }

    Connection connection() throws SQLException {
        return store.getConnection();
    }

    void createEventTable() throws SQLException {
        try (PreparedStatement create = H2EventTableFactory.INSTANCE.createDomainEventTable(connection(), new EventSchema())) {
            create.execute();
        }
    }

    void runEmbeddedSchema() {
        new ResourceDatabasePopulator(new ClassPathResource("embedded-schema.sql")).execute(store);
    }

    /** {@code attribute} of {@code table.column} in {@code INFORMATION_SCHEMA.COLUMNS}, names as written in the DDL. */
    String column(String table, String column, String attribute) throws SQLException {
        try (PreparedStatement query = connection().prepareStatement("SELECT " + attribute
                + " FROM INFORMATION_SCHEMA.COLUMNS WHERE UPPER(TABLE_NAME) = UPPER(?) AND UPPER(COLUMN_NAME) = UPPER(?)")) {
            query.setString(1, table);
            query.setString(2, column);
            ResultSet result = query.executeQuery();
            assertThat(result.next()).as(table + "." + column).isTrue();
            return result.getString(1);
        }
    }

    void drop() throws SQLException {
        try (Statement statement = connection().createStatement()) {
            statement.execute("DROP ALL OBJECTS");
        }
        store.destroy();
    }
}
