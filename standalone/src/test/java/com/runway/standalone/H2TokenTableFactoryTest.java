package com.runway.standalone;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Tokens and deadlines are kept in their rows, not in H2's separate LOB store. */
class H2TokenTableFactoryTest {

    private final InMemoryH2 store = new InMemoryH2("tokens");

    @AfterEach
    void drop() throws SQLException {
        store.drop();
    }

    @Test
    void aTokenWithAxonsMostGapsGoesInTheRowAndComesBackWhole() throws SQLException {
        JdbcTokenStore tokens = JdbcTokenStore.builder().connectionProvider(store::connection)
                .serializer(JacksonSerializer.defaultSerializer()).build();
        tokens.createSchema(H2TokenTableFactory.INSTANCE);
        tokens.initializeTokenSegments("FulfilmentSagaProcessor", 1);
        TrackingToken gappy = GapAwareTrackingToken.newInstance(1_000_000_000L,
                LongStream.range(0, 10_000).map(i -> 999_990_000L + i).boxed().collect(Collectors.toList()));

        tokens.storeToken(gappy, "FulfilmentSagaProcessor", 0);

        assertThat(tokens.fetchToken("FulfilmentSagaProcessor", 0)).isEqualTo(gappy);
        TokenSchema schema = new TokenSchema();
        assertThat(store.column(schema.tokenTable(), schema.tokenColumn(), "DATA_TYPE")).isEqualTo("BINARY VARYING");
    }

    @Test
    void aDeadlinesDataGoesInTheRow() throws SQLException {
        store.createEventTable();
        store.runEmbeddedSchema();

        assertThat(store.column("scheduled_tasks", "task_data", "DATA_TYPE")).isEqualTo("BINARY VARYING");
    }
}
