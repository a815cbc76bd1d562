package com.runway.standalone;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Tokens and deadlines are kept in their rows, not in H2's separate LOB store. */
class H2TokenTableFactoryTest {

    private final SingleConnectionDataSource store =
            new SingleConnectionDataSource("jdbc:h2:mem:tokens;DB_CLOSE_DELAY=-1", "sa", "", true);

    @AfterEach
    void drop() throws SQLException {
        try (Statement statement = store.getConnection().createStatement()) {
            statement.execute("DROP ALL OBJECTS");
        }
        store.destroy();
    }

    @Test
    void aTokenWithAxonsMostGapsGoesInTheRowAndComesBackWhole() throws SQLException {
        JdbcTokenStore tokens = JdbcTokenStore.builder().connectionProvider(store::getConnection)
                .serializer(JacksonSerializer.defaultSerializer()).build();
        tokens.createSchema(H2TokenTableFactory.INSTANCE);
        tokens.initializeTokenSegments("FulfilmentSagaProcessor", 1);
        TrackingToken gappy = GapAwareTrackingToken.newInstance(1_000_000_000L,
                LongStream.range(0, 10_000).map(i -> 999_990_000L + i).boxed().collect(Collectors.toList()));

        tokens.storeToken(gappy, "FulfilmentSagaProcessor", 0);

        assertThat(tokens.fetchToken("FulfilmentSagaProcessor", 0)).isEqualTo(gappy);
        assertThat(dataType(new TokenSchema().tokenTable(), new TokenSchema().tokenColumn())).isEqualTo("BINARY VARYING");
    }

    @Test
    void aDeadlinesDataGoesInTheRow() throws SQLException {
        try (PreparedStatement create = H2EventTableFactory.INSTANCE.createDomainEventTable(store.getConnection(), new EventSchema())) {
            create.execute();
        }
        new ResourceDatabasePopulator(new ClassPathResource("embedded-schema.sql")).execute(store);

        assertThat(dataType("scheduled_tasks", "task_data")).isEqualTo("BINARY VARYING");
    }

    private String dataType(String table, String column) throws SQLException {
        try (PreparedStatement query = store.getConnection().prepareStatement(
                "SELECT DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS WHERE UPPER(TABLE_NAME) = UPPER(?) AND UPPER(COLUMN_NAME) = UPPER(?)")) {
            query.setString(1, table);
            query.setString(2, column);
            ResultSet result = query.executeQuery();
            assertThat(result.next()).as(table + "." + column).isTrue();
            return result.getString(1);
        }
    }
}
