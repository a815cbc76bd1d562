package com.runway.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Events stored before OrderPlacedEvent gained its sales channel (revision 1, fixtures/revision-1-events.json)
 * are read through the upcaster: the saga fulfils the old order, the read models and the journey
 * show it, and the Order aggregate rebuilds from it to take a cancellation.
 */
class StoredRevision1EventsTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(RunwayApplication.class)
                .run("--runway.data-dir=" + dataDir, "--server.port=0");
    }

    @Test
    void anOrderStoredAsRevisionOneIsFulfilledShownAndCancelledToday() throws Exception {
        start().close();
        storeFixtureEvents();

        try (ConfigurableApplicationContext app = start()) {
            RunwayApi api = new RunwayApi(WebTestClient.bindToServer()
                    .baseUrl("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port")).build());
            api.awaitOrder("legacy-order-1", "CONFIRMED");
            api.awaitStock("FIX-1", 5, 2, 3);
            await().atMost(RunwayApi.PATIENCE).untilAsserted(() -> {
                JsonNode first = api.get("/api/orders/legacy-order-1/journey").get("steps").get(0);
                assertThat(first.get("summary").asText()).isEqualTo("placed by legacy-customer via WEB: 2 × FIX-1, to PT");
                assertThat(first.get("correlationId").asText()).isEqualTo("legacy-flow");
            });

            assertThat(api.post("/api/orders/legacy-order-1/cancel")).isEqualTo(HttpStatus.ACCEPTED);
            api.awaitOrder("legacy-order-1", "CANCELLED");
            api.awaitStock("FIX-1", 5, 0, 5);
        }
    }

    private void storeFixtureEvents() throws Exception {
        JsonNode events = new ObjectMapper().readTree(getClass().getResourceAsStream("/fixtures/revision-1-events.json"));
        try (Connection connection = DriverManager.getConnection(
                "jdbc:h2:file:" + dataDir.resolve("event-store") + ";WRITE_DELAY=0", "sa", "");
             PreparedStatement insert = connection.prepareStatement("INSERT INTO DomainEventEntry (eventIdentifier, aggregateIdentifier, "
                     + "sequenceNumber, type, timeStamp, payloadType, payloadRevision, payload, metaData) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (JsonNode event : events) {
                insert.setString(1, event.get("eventIdentifier").asText());
                insert.setString(2, event.get("aggregateIdentifier").asText());
                insert.setLong(3, event.get("sequenceNumber").asLong());
                insert.setString(4, event.get("type").asText());
                insert.setString(5, event.get("timeStamp").asText());
                insert.setString(6, event.get("payloadType").asText());
                insert.setString(7, event.get("payloadRevision").isNull() ? null : event.get("payloadRevision").asText());
                insert.setBytes(8, event.get("payload").toString().getBytes(StandardCharsets.UTF_8));
                insert.setBytes(9, event.get("metaData").toString().getBytes(StandardCharsets.UTF_8));
                insert.executeUpdate();
            }
        }
    }
}
