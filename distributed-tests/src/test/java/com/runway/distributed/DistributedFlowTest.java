package com.runway.distributed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The four services as separate JVMs, talking only through Axon Server and MongoDB, driven through
 * the gateway's HTTP API. Backing servers come from {@link BackingServers}; without any, the class
 * is skipped with one line saying why.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIf(value = "com.runway.distributed.BackingServers#configured", disabledReason = BackingServers.NONE)
class DistributedFlowTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String ADMIN_TOKEN = "distributed-test-admin";

    private final String run = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    private final Map<Service, ServiceProcess> services = new EnumMap<>(Service.class);
    private BackingServers servers;
    private String gateway;

    @BeforeAll
    void startTheServices() throws Exception {
        servers = BackingServers.find();
        Assumptions.assumeTrue(servers.available(), servers.why());
        Path logs = Files.createDirectories(Path.of("target", "distributed-logs", run));
        Map<String, String> environment = new HashMap<>(Map.of(
                "AXON_AXONSERVER_SERVERS", servers.axonServer(),
                "SPRING_DATA_MONGODB_URI", servers.mongoUri("runway-it-" + run.toLowerCase()),
                "RUNWAY_MONGODB_DATABASE", "runway-it-" + run.toLowerCase(),
                "RUNWAY_PAYMENT_TIMEOUT", "10s",
                "AXONIQ_UPDATE_CHECKER_DISABLED", "true",
                "RUNWAY_ADMIN_TOKEN", ADMIN_TOKEN));
        if (servers.embeddedMongo()) {
            environment.put("RUNWAY_SAGAS_DEADLINES_CREATE_COLLECTIONS", "false");
        }
        for (Service service : List.of(Service.COMMAND_SIDE, Service.QUERY_SIDE, Service.SAGAS, Service.API_GATEWAY)) {
            services.put(service, new ServiceProcess(service, environment, logs).start());
        }
        gateway = "http://127.0.0.1:" + services.get(Service.API_GATEWAY).port();
    }

    @AfterAll
    void stopTheServices() throws Exception {
        for (ServiceProcess service : services.values()) {
            service.close();
        }
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    void anOrderGoesFromPlacedToDeliveredAcrossTheServices() {
        String sku = registerSku("HAPPY", 10);
        String orderId = place(order("tok_visa", "PT", sku, 2));
        String shipment = awaitOrder(orderId, "CONFIRMED").get("shipmentId").asText();
        awaitStock(sku, 10, 2);

        assertThat(post("/api/shipments/" + shipment + "/dispatch", null).status()).isEqualTo(202);
        awaitOrder(orderId, "SHIPPED");
        assertThat(post("/api/shipments/" + shipment + "/deliver", null).status()).isEqualTo(202);
        awaitOrder(orderId, "DELIVERED");
        awaitStock(sku, 8, 0);
    }

    @ParameterizedTest(name = "{5}")
    @CsvSource({
            "SCARCE,   1, tok_visa,     PT, 3, OUT_OF_STOCK",
            "DECLINED, 5, tok_declined, PT, 2, PAYMENT_DECLINED",
            "FARAWAY,  5, tok_visa,     BR, 1, UNDELIVERABLE_ADDRESS"})
    void anOrderThatCannotBeFulfilledIsRejectedAndItsStockReleased(String name, int stock, String paymentToken,
                                                                    String country, int quantity, String reason) {
        String sku = registerSku(name, stock);
        JsonNode order = awaitOrder(place(order(paymentToken, country, sku, quantity)), "REJECTED");
        assertThat(order.get("rejectionReason").asText()).isEqualTo(reason);
        awaitStock(sku, stock, 0);
    }

    @Test
    void cancellingAConfirmedOrderGivesItsStockBack() {
        String sku = registerSku("CANCEL", 5);
        String orderId = place(order("tok_visa", "PT", sku, 2));
        awaitOrder(orderId, "CONFIRMED");
        assertThat(post("/api/orders/" + orderId + "/cancel", null).status()).isEqualTo(202);
        awaitOrder(orderId, "CANCELLED");
        awaitStock(sku, 5, 0);
    }

    @Test
    void replayingAProjectionInTheQuerySideRebuildsTheSameReadModel() {
        String sku = registerSku("REPLAY", 5);
        awaitOrder(place(order("tok_visa", "PT", sku, 1)), "CONFIRMED");
        awaitOrder(place(order("tok_declined", "PT", sku, 1)), "REJECTED");
        JsonNode before = get("/api/orders?size=100&customerId=" + customer()).json();

        assertThat(post("/api/admin/projections/orders/replay", null).status()).isEqualTo(202);
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            for (JsonNode projection : get("/api/admin/projections").json()) {
                assertThat(projection.get("replaying").asBoolean()).as(projection.toString()).isFalse();
            }
            assertThat(get("/api/orders?size=100&customerId=" + customer()).json()).isEqualTo(before);
        });
    }

    @Test
    void aFlowCarriesOnAfterTheSagasServiceRestarts() throws Exception {
        String sku = registerSku("RESTART", 5);
        ServiceProcess sagas = services.get(Service.SAGAS);
        sagas.stop();
        String orderId = place(order("tok_visa", "PT", sku, 1));
        awaitOrder(orderId, "PLACED");

        sagas.start();
        awaitOrder(orderId, "CONFIRMED");
        awaitStock(sku, 5, 1);
    }

    private String customer() {
        return "it-" + run;
    }

    private String registerSku(String name, int stock) {
        String sku = name + "-" + run;
        Reply reply = post("/api/skus", Map.of("sku", sku, "name", name, "unitPrice", Map.of("amount", "20.00", "currency", "EUR"),
                "initialStock", stock));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return sku;
    }

    private Map<String, Object> order(String paymentToken, String country, String sku, int quantity) {
        return Map.of("customerId", customer(), "lines", List.of(Map.of("sku", sku, "quantity", quantity)),
                "shippingAddress", Map.of("name", "Ana Silva", "street", "Rua Augusta 1", "city", "Lisboa",
                        "postalCode", "1100-048", "country", country),
                "paymentToken", paymentToken);
    }

    private String place(Map<String, Object> order) {
        Reply reply = post("/api/orders", order);
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        return reply.json().get("orderId").asText();
    }

    private JsonNode awaitOrder(String orderId, String status) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            Reply reply = get("/api/orders/" + orderId);
            assertThat(reply.status()).isEqualTo(200);
            last.set(reply.json());
            assertThat(last.get().get("status").asText()).isEqualTo(status);
        });
        return last.get();
    }

    private void awaitStock(String sku, int onHand, int reserved) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonNode view = get("/api/skus/" + sku).json();
            assertThat(List.of(view.get("onHand").asInt(), view.get("reserved").asInt())).containsExactly(onHand, reserved);
        });
    }

    record Reply(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + body, e);
            }
        }
    }

    private Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(gateway + path)).GET());
    }

    private Reply post(String path, Object body) {
        try {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
            return send(HttpRequest.newBuilder(URI.create(gateway + path)).header("Content-Type", "application/json").POST(publisher));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Reply send(HttpRequest.Builder request) {
        request.header("Authorization", "Bearer " + ADMIN_TOKEN);
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
