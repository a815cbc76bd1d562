package com.runway.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What this machine's stores can do at all, measured in the same run as the system: rows appended
 * to an H2 file shaped exactly like the app's event table (its DDL is read from the app's own store)
 * with batched JDBC, and documents bulk-inserted into the same embedded MongoDB wire-protocol server.
 */
final class RawLimits {

    private static final int JDBC_BATCH = 100;
    private static final int MONGO_BATCH = 1000;

    private RawLimits() {
    }

    /** The app must be stopped: its store is opened to copy the table definition and sample payloads. */
    static double h2AppendRowsPerSecond(Path appDataDir, Path scratch, int rows) throws Exception {
        List<String> ddl = new ArrayList<>();
        List<Object[]> samples = new ArrayList<>();
        try (Connection app = DriverManager.getConnection("jdbc:h2:file:" + appDataDir.resolve("event-store").toAbsolutePath(), "sa", "");
             Statement statement = app.createStatement()) {
            try (ResultSet script = statement.executeQuery("SCRIPT NODATA TABLE DOMAINEVENTENTRY")) {
                while (script.next()) {
                    String line = script.getString(1);
                    if (line.toUpperCase().contains("DOMAINEVENTENTRY")) {
                        ddl.add(line);
                    }
                }
            }
            try (ResultSet rows1 = statement.executeQuery("SELECT TYPE, PAYLOADTYPE, PAYLOADREVISION, PAYLOAD, METADATA FROM DOMAINEVENTENTRY LIMIT 1000")) {
                while (rows1.next()) {
                    samples.add(new Object[]{rows1.getString(1), rows1.getString(2), rows1.getString(3), rows1.getBytes(4), rows1.getBytes(5)});
                }
            }
        }
        String url = "jdbc:h2:file:" + scratch.resolve("raw-append").toAbsolutePath() + ";WRITE_DELAY=0";
        try (Connection raw = DriverManager.getConnection(url, "sa", "")) {
            try (Statement statement = raw.createStatement()) {
                for (String line : ddl) {
                    statement.execute(line);
                }
            }
            raw.setAutoCommit(false);
            long started = System.nanoTime();
            try (PreparedStatement insert = raw.prepareStatement("INSERT INTO DOMAINEVENTENTRY (EVENTIDENTIFIER, AGGREGATEIDENTIFIER, "
                    + "SEQUENCENUMBER, TYPE, TIMESTAMP, PAYLOADTYPE, PAYLOADREVISION, PAYLOAD, METADATA) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < rows; i++) {
                    Object[] sample = samples.get(i % samples.size());
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, "raw-" + (i / 5));
                    insert.setLong(3, i % 5);
                    insert.setString(4, (String) sample[0]);
                    insert.setString(5, Instant.now().toString());
                    insert.setString(6, (String) sample[1]);
                    insert.setString(7, (String) sample[2]);
                    insert.setBytes(8, (byte[]) sample[3]);
                    insert.setBytes(9, (byte[]) sample[4]);
                    insert.addBatch();
                    if ((i + 1) % JDBC_BATCH == 0 || i == rows - 1) {
                        insert.executeBatch();
                        raw.commit();
                    }
                }
            }
            return rows / ((System.nanoTime() - started) / 1e9);
        }
    }

    /**
     * Into the app's own embedded MongoDB server (a scratch database, dropped afterwards), reached on
     * the loopback port the app logged: the same server, store format and JVM the read models use.
     */
    static double mongoInsertDocsPerSecond(int appMongoPort, int documents) {
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + appMongoPort)) {
            MongoDatabase scratch = client.getDatabase("bench-raw-limit");
            try {
                return insert(scratch.getCollection("orders"), documents);
            } finally {
                scratch.drop();
            }
        }
    }

    /** Into a server of the stock H2 backend, for an app whose read models are not in an embedded server. */
    static double mongoInsertDocsPerSecond(Path scratch, int documents) {
        MongoServer server = new MongoServer(new H2Backend(scratch.resolve("raw-mongo.mv").toAbsolutePath().toString()));
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            return insert(client.getDatabase("raw").getCollection("orders"), documents);
        } finally {
            server.shutdown();
        }
    }

    private static double insert(MongoCollection<Document> orders, int documents) {
        long started = System.nanoTime();
        List<Document> batch = new ArrayList<>(MONGO_BATCH);
        for (int i = 0; i < documents; i++) {
            batch.add(orderDocument(i));
            if (batch.size() == MONGO_BATCH || i == documents - 1) {
                orders.insertMany(batch);
                batch.clear();
            }
        }
        return documents / ((System.nanoTime() - started) / 1e9);
    }

    /** Shaped like the app's order read model: a few fields, two lines, money as documents. */
    private static Document orderDocument(int i) {
        Document price = new Document("amount", "12.50").append("currency", "EUR");
        return new Document("_id", "ord-raw-" + i)
                .append("customerId", "bench-" + (i % 5000))
                .append("status", "CONFIRMED")
                .append("lines", List.of(new Document("sku", "BENCH-0001").append("quantity", 1).append("unitPrice", price),
                        new Document("sku", "BENCH-0420").append("quantity", 2).append("unitPrice", price)))
                .append("total", new Document("amount", "37.50").append("currency", "EUR"))
                .append("placedAt", Timestamp.from(Instant.now()))
                .append("version", 3L);
    }
}
