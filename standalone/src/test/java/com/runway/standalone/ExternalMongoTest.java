package com.runway.standalone;

import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** With spring.data.mongodb.uri set, read models go to that server and no embedded one starts. */
class ExternalMongoTest {

    @TempDir
    Path dataDir;
    private MongoServer external;

    @BeforeEach
    void startExternalServer() {
        external = new MongoServer(new MemoryBackend());
        external.bind("127.0.0.1", 0);
    }

    @AfterEach
    void stopExternalServer() {
        external.shutdownNow();
    }

    @Test
    void readModelsLiveInTheConfiguredMongoDb() {
        String uri = "mongodb://127.0.0.1:" + external.getLocalAddress().getPort();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(RunwayApplication.class)
                .run("--runway.data-dir=" + dataDir, "--server.port=0", "--spring.data.mongodb.uri=" + uri,
                        "--runway.mongodb.database=shop")) {
            assertThat(app.getBeansOfType(EmbeddedMongo.EmbeddedReadModelStore.class)).isEmpty();
            new RunwayApi(org.springframework.test.web.reactive.server.WebTestClient.bindToServer()
                    .baseUrl("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port")).build())
                    .registerSku("HAT-7", "25.00", 4);

            try (var client = MongoClients.create(uri)) {
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    Document sku = client.getDatabase("shop").getCollection("skus").find(new Document("_id", "HAT-7")).first();
                    assertThat(sku).isNotNull();
                    assertThat(sku.getInteger("available")).isEqualTo(4);
                });
            }
        }
    }
}
