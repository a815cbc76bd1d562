package com.runway.standalone;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file written with {@code WRITE_DELAY=0} the way the event store is (many small commits that
 * change rows all over a table) fills with chunks that hold a few live pages each: H2 rewrites
 * those only from the background thread that this setting turns off.
 */
class EventStoreHousekeepingTest {

    @TempDir
    Path dir;

    private SingleConnectionDataSource dataSource;

    @AfterEach
    void close() {
        dataSource.destroy();
    }

    @Test
    void withoutHousekeepingMostOfTheChunksSpaceIsDeadAndHousekeepingWinsItBack() throws SQLException {
        // No retention time, so that a chunk is free as soon as nothing lives in it, not 45 s later.
        dataSource = new SingleConnectionDataSource("jdbc:h2:file:" + dir.resolve("store") + ";WRITE_DELAY=0;RETENTION_TIME=0", "sa", "", true);
        smallCommitsAllOverATable();
        MVStore store = mvStore();
        int before = store.getFileStore().getChunksFillRate();

        EventStoreHousekeeping housekeeping = new EventStoreHousekeeping(dataSource, Duration.ofSeconds(1), 16 << 20);
        housekeeping.start();
        try {
            for (int round = 0; round < 20 && store.getFileStore().getChunksFillRate() < EventStoreHousekeeping.TARGET_FILL_RATE; round++) {
                housekeeping.compact();
                aCommit(round);
            }
        } finally {
            housekeeping.stop();
        }

        assertThat(before).as("live share of the chunks' space before").isLessThan(50);
        assertThat(store.getFileStore().getChunksFillRate()).as("after").isGreaterThanOrEqualTo(EventStoreHousekeeping.TARGET_FILL_RATE);
        assertThat(housekeeping.isRunning()).isFalse();
    }

    @Test
    void anInMemoryStoreHasNothingToCompact() {
        dataSource = new SingleConnectionDataSource("jdbc:h2:mem:housekeeping", "sa", "", true);
        EventStoreHousekeeping housekeeping = new EventStoreHousekeeping(dataSource, Duration.ofSeconds(1), 1 << 20);

        housekeeping.start();

        assertThat(housekeeping.isRunning()).isFalse();
    }

    private void smallCommitsAllOverATable() throws SQLException {
        Connection connection = dataSource.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE entry (id INT PRIMARY KEY, payload VARCHAR(200))");
            statement.execute("INSERT INTO entry SELECT x, REPEAT('x', 200) FROM SYSTEM_RANGE(1, 20000)");
        }
        connection.setAutoCommit(true);
        Random random = new Random(7);
        try (PreparedStatement update = connection.prepareStatement("UPDATE entry SET payload = ? WHERE id = ?")) {
            for (int commit = 0; commit < 3_000; commit++) {
                update.setString(1, "y".repeat(150 + random.nextInt(50)));
                update.setInt(2, 1 + random.nextInt(20_000));
                update.executeUpdate();
            }
        }
    }

    /** Chunks whose pages were rewritten are freed by the next commit, as the app's traffic does. */
    private void aCommit(int round) throws SQLException {
        try (Statement statement = dataSource.getConnection().createStatement()) {
            statement.execute("UPDATE entry SET payload = 'z' WHERE id = " + (round + 1));
        }
    }

    private MVStore mvStore() throws SQLException {
        SessionLocal session = (SessionLocal) dataSource.getConnection().unwrap(JdbcConnection.class).getSession();
        return session.getDatabase().getStore().getMvStore();
    }
}
