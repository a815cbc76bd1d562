package com.runway.standalone;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Without {@code spring.data.mongodb.uri}, read models live in an in-process MongoDB wire-protocol
 * server on a loopback port, persisted in an H2 file, and are reached through the real driver. With
 * the property set, Spring Boot connects to that server instead and nothing starts here.
 */
@Configuration
@ConditionalOnExpression("'${spring.data.mongodb.uri:}'.isEmpty()")
public class EmbeddedMongo {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);

    static final String STORE_FILE = "read-models-2.mv";

    /** Stores in an earlier format (documents Java-serialized): unreadable here, so discarded and rebuilt. */
    private static final List<String> EARLIER_STORE_FILES = List.of("read-models.mv");

    /**
     * The embedded store writes in the background: a process killed mid-flight loses its last writes,
     * and not in order (a projection token may survive the documents written before it; seen in
     * CrashRecoveryTest). So a store that was not closed cleanly is discarded at start, projection
     * tokens included, and the read models are rebuilt from the event store, which is durable.
     */
    @Bean(destroyMethod = "close")
    EmbeddedReadModelStore embeddedReadModelStore(@Value("${runway.data-dir}") Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        for (String earlier : EARLIER_STORE_FILES) {
            if (Files.deleteIfExists(dataDir.resolve(earlier))) {
                log.warn("The read-model store {} is in an earlier format; it is discarded and rebuilt from the event store", earlier);
            }
        }
        Path file = dataDir.resolve(STORE_FILE);
        Path openMarker = dataDir.resolve("read-models.open");
        if (Files.exists(openMarker) && Files.deleteIfExists(file)) {
            log.warn("The read-model store was not closed cleanly; it is discarded and rebuilt from the event store");
        }
        Files.writeString(openMarker, Long.toString(ProcessHandle.current().pid()));
        MongoServer server = new MongoServer(new PrimaryKeyH2Backend(file.toString()));
        server.bind("127.0.0.1", 0);
        log.info("Embedded MongoDB wire-protocol server on {}", server.getLocalAddress());
        return new EmbeddedReadModelStore(server, openMarker);
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(EmbeddedReadModelStore store) {
        InetSocketAddress address = store.server().getLocalAddress();
        return MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
    }

    record EmbeddedReadModelStore(MongoServer server, Path openMarker) {

        /** Closing the server flushes and closes its file; only then is the store known to be whole. */
        void close() throws IOException {
            server.shutdown();
            Files.deleteIfExists(openMarker);
        }
    }
}
