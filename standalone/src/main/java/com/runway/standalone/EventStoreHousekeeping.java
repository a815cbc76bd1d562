package com.runway.standalone;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Compacts the embedded event store's file while the app runs, as H2 does on its own only when
 * commits are written in the background. With {@code WRITE_DELAY=0} (every commit written before
 * the 202) H2 runs no background thread, so nothing rewrites chunks that have few live pages left:
 * the file grows without bound and every commit rewrites the entries of more and more chunks in the
 * store's layout map.
 */
@Component
class EventStoreHousekeeping implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventStoreHousekeeping.class);

    /** H2's own target under load: its auto-compact fill rate (90 %) squared. */
    static final int TARGET_FILL_RATE = 81;

    private final DataSource dataSource;
    private final Duration interval;
    private final int writeLimit;
    private ScheduledExecutorService executor;
    private MVStore store;

    EventStoreHousekeeping(DataSource dataSource,
                           @Value("${runway.event-store.housekeeping-interval:1s}") Duration interval,
                           @Value("${runway.event-store.housekeeping-write-limit:1048576}") int writeLimit) {
        this.dataSource = dataSource;
        this.interval = interval;
        this.writeLimit = writeLimit;
    }

    @Override
    public void start() {
        store = mvStore();
        if (store == null || interval.isZero()) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "event-store-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::compact, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void compact() {
        try {
            if (!store.isClosed()) {
                store.compact(TARGET_FILL_RATE, writeLimit);
            }
        } catch (RuntimeException e) {
            log.warn("Compacting the event store failed; trying again in {}", interval, e);
        }
    }

    private MVStore mvStore() {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isWrapperFor(JdbcConnection.class)) {
                return null;
            }
            SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
            MVStore mvStore = session.getDatabase().getStore().getMvStore();
            return mvStore.getFileStore() == null ? null : mvStore;
        } catch (SQLException | ClassCastException e) {
            log.warn("The event store's file cannot be compacted while the app runs", e);
            return null;
        }
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
