package com.runway.standalone;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
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

/**
 * Without {@code spring.data.mongodb.uri}, read models live in an in-process MongoDB wire-protocol
 * server on a loopback port, persisted in an H2 file, and are reached through the real driver. With
 * the property set, Spring Boot connects to that server instead and nothing starts here.
 */
@Configuration
@ConditionalOnExpression("'${spring.data.mongodb.uri:}'.isEmpty()")
public class EmbeddedMongo {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);

    @Bean(destroyMethod = "shutdown")
    MongoServer embeddedMongoServer(@Value("${runway.data-dir}") Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        MongoServer server = new MongoServer(new H2Backend(dataDir.resolve("read-models.mv").toString()));
        server.bind("127.0.0.1", 0);
        log.info("Embedded MongoDB wire-protocol server on {}", server.getLocalAddress());
        return server;
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(MongoServer embeddedMongoServer) {
        InetSocketAddress address = embeddedMongoServer.getLocalAddress();
        return MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
    }
}
