package com.runway.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every endpoint fed malformed, mistyped, oversized and out-of-order requests: each gets a 4xx
 * problem document naming what is wrong, and neither the event store nor a read model changes.
 */
@SpringBootTest(classes = RunwayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "runway.gateway.updates-grace=1s")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        FreshDataDir.register(registry, "bad-input");
    }

    private static final String ADDRESS = """
            "shippingAddress":{"name":"Ana","street":"Rua Augusta 1","city":"Lisboa","postalCode":"1100","country":"PT"}""";
    private static final String LINE = "\"lines\":[{\"sku\":\"SHIRT-1\",\"quantity\":1}]";
    private static final String GOOD_ORDER = "{\"customerId\":\"c\"," + LINE + "," + ADDRESS + ",\"paymentToken\":\"tok_visa\"}";

    @Autowired
    WebTestClient http;
    @Autowired
    JdbcTemplate jdbc;

    private final Map<String, String> placeholders = new HashMap<>();
    private long eventsBefore;
    private Map<String, JsonNode> readModelsBefore;

    /** One order left CONFIRMED (not yet collected) and one DELIVERED, for the out-of-order rows. */
    @BeforeAll
    void prepareTheStore() {
        RunwayApi api = new RunwayApi(http);
        api.registerSku("SHIRT-1", "10.00", 5);
        String confirmed = api.place(RunwayApi.order("c", "tok_visa", "PT", "SHIRT-1", 1));
        String delivered = api.place(RunwayApi.order("c", "tok_visa", "PT", "SHIRT-1", 1));
        placeholders.put("{confirmedShipment}", api.awaitOrder(confirmed, "CONFIRMED").get("shipmentId").asText());
        String deliveredShipment = api.awaitOrder(delivered, "CONFIRMED").get("shipmentId").asText();
        api.post("/api/shipments/" + deliveredShipment + "/dispatch");
        api.awaitOrder(delivered, "SHIPPED");
        api.post("/api/shipments/" + deliveredShipment + "/deliver");
        api.awaitOrder(delivered, "DELIVERED");
        api.awaitStock("SHIRT-1", 4, 1, 3);
        placeholders.put("{deliveredOrder}", delivered);
        placeholders.put("{deliveredShipment}", deliveredShipment);
        await().atMost(RunwayApi.PATIENCE).untilAsserted(() -> api.get("/api/admin/projections")
                .forEach(status -> assertThat(status.get("lag").asLong()).as(status.toString()).isZero()));
        eventsBefore = storedEvents();
        readModelsBefore = readModels(api);
    }

    @AfterAll
    void nothingWasStored() {
        assertThat(storedEvents()).isEqualTo(eventsBefore);
        assertThat(readModels(new RunwayApi(http))).isEqualTo(readModelsBefore);
    }

    private long storedEvents() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
    }

    private static Map<String, JsonNode> readModels(RunwayApi api) {
        return Map.of("orders", api.get("/api/orders?size=100"), "skus", api.get("/api/skus?size=100"),
                "projections", positions(api.get("/api/admin/projections")));
    }

    private static JsonNode positions(JsonNode statuses) {
        statuses.forEach(status -> ((ObjectNode) status).retain("name", "position"));
        return statuses;
    }

    private static String orderWithLines(String lines) {
        return "{\"customerId\":\"c\",\"lines\":" + lines + "," + ADDRESS + ",\"paymentToken\":\"t\"}";
    }

    private static String orderWithAddress(String address) {
        return "{\"customerId\":\"c\"," + LINE + ",\"shippingAddress\":" + address + ",\"paymentToken\":\"t\"}";
    }

    private static String addressWithName(String name) {
        return orderWithAddress("{\"name\":\"" + name + "\",\"street\":\"R\",\"city\":\"L\",\"postalCode\":\"1\",\"country\":\"PT\"}");
    }

    private static String sku(String sku, String name, String price, String stock) {
        return "{\"sku\":" + sku + ",\"name\":" + name + ",\"unitPrice\":{\"amount\":\"" + price + "\",\"currency\":\"EUR\"},\"initialStock\":" + stock + "}";
    }

    private static String manyLines(int count) {
        return IntStream.range(0, count).mapToObj(i -> "{\"sku\":\"S-" + i + "\",\"quantity\":1}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                // placing an order
                arguments("malformed JSON", HttpMethod.POST, "/api/orders", "{\"customerId\":", 400, "not well-formed JSON"),
                arguments("empty body", HttpMethod.POST, "/api/orders", "", 400, "body"),
                arguments("a JSON array instead of an object", HttpMethod.POST, "/api/orders", "[]", 400, "body must be a JSON object"),
                arguments("missing lines", HttpMethod.POST, "/api/orders",
                        "{\"customerId\":\"c\"," + ADDRESS + ",\"paymentToken\":\"tok_visa\"}", 400, "lines must not be null"),
                arguments("missing shipping address", HttpMethod.POST, "/api/orders",
                        "{\"customerId\":\"c\"," + LINE + ",\"paymentToken\":\"tok_visa\"}", 400, "shippingAddress must not be null"),
                arguments("customer id as a number", HttpMethod.POST, "/api/orders",
                        "{\"customerId\":7," + LINE + "," + ADDRESS + ",\"paymentToken\":\"t\"}", 400, "customerId must be a string"),
                arguments("lines as an object", HttpMethod.POST, "/api/orders", orderWithLines("{}"), 400, "lines must be a list"),
                arguments("quantity as text", HttpMethod.POST, "/api/orders",
                        orderWithLines("[{\"sku\":\"SHIRT-1\",\"quantity\":\"2\"}]"), 400, "lines[0].quantity must be a whole number"),
                arguments("fractional quantity", HttpMethod.POST, "/api/orders",
                        orderWithLines("[{\"sku\":\"SHIRT-1\",\"quantity\":1.5}]"), 400, "lines[0].quantity must be a whole number"),
                arguments("zero quantity", HttpMethod.POST, "/api/orders",
                        orderWithLines("[{\"sku\":\"SHIRT-1\",\"quantity\":0}]"), 400, "lines[0].quantity must be greater than or equal to 1"),
                arguments("negative quantity", HttpMethod.POST, "/api/orders",
                        orderWithLines("[{\"sku\":\"SHIRT-1\",\"quantity\":-3}]"), 400, "lines[0].quantity must be greater than or equal to 1"),
                arguments("quantity over the per-line limit", HttpMethod.POST, "/api/orders",
                        orderWithLines("[{\"sku\":\"SHIRT-1\",\"quantity\":101}]"), 400, "lines[0].quantity must be less than or equal to 100"),
                arguments("huge quantity", HttpMethod.POST, "/api/orders",
                        orderWithLines("[{\"sku\":\"SHIRT-1\",\"quantity\":100000000000}]"), 400, "lines[0].quantity"),
                arguments("no lines", HttpMethod.POST, "/api/orders", orderWithLines("[]"), 400, "lines size must be between 1 and 50"),
                arguments("too many lines", HttpMethod.POST, "/api/orders", orderWithLines(manyLines(51)), 400, "lines size must be between 1 and 50"),
                arguments("bad sku format", HttpMethod.POST, "/api/orders",
                        orderWithLines("[{\"sku\":\"shirt one\",\"quantity\":1}]"), 400, "lines[0].sku must match [A-Z0-9-]{1,64}"),
                arguments("duplicate skus", HttpMethod.POST, "/api/orders",
                        orderWithLines("[{\"sku\":\"SHIRT-1\",\"quantity\":1},{\"sku\":\"SHIRT-1\",\"quantity\":2}]"), 422,
                        "lines[1].sku SHIRT-1 appears on more than one line"),
                arguments("unknown field", HttpMethod.POST, "/api/orders",
                        "{\"customerId\":\"c\"," + LINE + "," + ADDRESS + ",\"paymentToken\":\"t\",\"coupon\":\"FREE\"}", 400, "coupon is not a known field"),
                arguments("bad country", HttpMethod.POST, "/api/orders",
                        orderWithAddress("{\"name\":\"Ana\",\"street\":\"R\",\"city\":\"L\",\"postalCode\":\"1\",\"country\":\"Portugal\"}"),
                        400, "shippingAddress.country must be an ISO 3166-1 alpha-2 code"),
                arguments("NUL in a name", HttpMethod.POST, "/api/orders", addressWithName("Ana\\u0000"), 400,
                        "shippingAddress.name must not contain control characters"),
                arguments("C1 control character in a name", HttpMethod.POST, "/api/orders", addressWithName("Ana\\u0085"), 400,
                        "shippingAddress.name must not contain control characters"),
                arguments("unpaired surrogate in a name", HttpMethod.POST, "/api/orders", addressWithName("Ana\\ud800"), 400,
                        "shippingAddress.name must not contain control characters or unpaired surrogates"),
                arguments("newline in a payment token", HttpMethod.POST, "/api/orders",
                        "{\"customerId\":\"c\"," + LINE + "," + ADDRESS + ",\"paymentToken\":\"tok\\nvisa\"}", 400, "paymentToken must not contain"),
                arguments("unknown sales channel", HttpMethod.POST, "/api/orders",
                        "{\"customerId\":\"c\"," + LINE + "," + ADDRESS + ",\"paymentToken\":\"t\",\"salesChannel\":\"FAX\"}", 400,
                        "salesChannel must be one of [WEB, APP, PARTNER]"),
                arguments("customer id with spaces", HttpMethod.POST, "/api/orders",
                        "{\"customerId\":\"a b\"," + LINE + "," + ADDRESS + ",\"paymentToken\":\"t\"}", 400, "customerId must be 1 to 128"),
                arguments("oversized body", HttpMethod.POST, "/api/orders",
                        "{\"customerId\":\"" + "c".repeat(70 * 1024) + "\"}", 413, "exceeds the size this API accepts"),
                arguments("bad idempotency key", HttpMethod.POST, "/api/orders", GOOD_ORDER, 400, "Idempotency-Key"),
                arguments("invalid UTF-8", HttpMethod.POST, "/api/orders", "invalid-utf8", 400, "not well-formed JSON"),
                arguments("not JSON at all", HttpMethod.POST, "/api/orders", "text/plain", 415, "text/plain"),
                arguments("a method the resource does not have", HttpMethod.DELETE, "/api/orders", null, 405, "Supported methods: [POST, GET]"),
                // reading orders
                arguments("unknown order", HttpMethod.GET, "/api/orders/nope-123", null, 404, "no order nope-123"),
                arguments("order id with a space", HttpMethod.GET, "/api/orders/a b", null, 400, "orderId"),
                arguments("unknown status filter", HttpMethod.GET, "/api/orders?status=LOST", null, 400, "status must be one of"),
                arguments("customer filter with a space", HttpMethod.GET, "/api/orders?customerId=a b", null, 400, "customerId"),
                arguments("negative page", HttpMethod.GET, "/api/orders?page=-1", null, 400, "page"),
                arguments("page as text", HttpMethod.GET, "/api/orders?page=first", null, 400, "page must be a whole number"),
                arguments("updates of an unknown order", HttpMethod.GET, "/api/orders/nope-123/updates", null, 404, "no order nope-123"),
                arguments("live orders with too big a first page", HttpMethod.GET, "/api/orders/updates?size=500", null, 400, "size must be 1 to 100"),
                arguments("journey of an unknown order", HttpMethod.GET, "/api/orders/nope-123/journey", null, 404, "no order nope-123"),
                arguments("journey of an order id with a space", HttpMethod.GET, "/api/orders/a b/journey", null, 400, "orderId"),
                // changing orders and shipments
                arguments("cancel an unknown order", HttpMethod.POST, "/api/orders/nope-123/cancel", null, 404, "nope-123"),
                arguments("cancel after delivery", HttpMethod.POST, "/api/orders/{deliveredOrder}/cancel", null, 409, "DELIVERED"),
                arguments("deliver before dispatch", HttpMethod.POST, "/api/shipments/{confirmedShipment}/deliver", null, 409, "cannot be delivered"),
                arguments("dispatch after delivery", HttpMethod.POST, "/api/shipments/{deliveredShipment}/dispatch", null, 409, "is DELIVERED and cannot be dispatched"),
                arguments("dispatch of an unknown shipment", HttpMethod.POST, "/api/shipments/nope/dispatch", null, 404, "no shipment nope"),
                arguments("deliver an unknown shipment", HttpMethod.POST, "/api/shipments/nope/deliver", null, 404, "no shipment nope"),
                // the catalogue
                arguments("sku price in another currency", HttpMethod.POST, "/api/skus",
                        "{\"sku\":\"NEW-1\",\"name\":\"n\",\"unitPrice\":{\"amount\":\"1.00\",\"currency\":\"USD\"},\"initialStock\":1}",
                        422, "unitPrice.currency must be EUR"),
                arguments("no such currency", HttpMethod.POST, "/api/skus",
                        "{\"sku\":\"NEW-1\",\"name\":\"n\",\"unitPrice\":{\"amount\":\"1.00\",\"currency\":\"ZZZ\"},\"initialStock\":1}",
                        400, "unitPrice.currency 'ZZZ' is not an ISO 4217 currency"),
                arguments("price with three decimals", HttpMethod.POST, "/api/skus", sku("\"NEW-1\"", "\"n\"", "1.001", "1"), 400, "unitPrice.amount"),
                arguments("negative price", HttpMethod.POST, "/api/skus", sku("\"NEW-1\"", "\"n\"", "-1.00", "1"), 400, "unitPrice.amount"),
                arguments("price that is not a number", HttpMethod.POST, "/api/skus", sku("\"NEW-1\"", "\"n\"", "ten", "1"), 400, "unitPrice.amount"),
                arguments("sku without a price", HttpMethod.POST, "/api/skus",
                        "{\"sku\":\"NEW-1\",\"name\":\"n\",\"initialStock\":1}", 400, "unitPrice must not be null"),
                arguments("stock as text", HttpMethod.POST, "/api/skus", sku("\"NEW-1\"", "\"n\"", "1.00", "\"5\""), 400, "initialStock must be a whole number"),
                arguments("name as a number", HttpMethod.POST, "/api/skus", sku("\"NEW-1\"", "5", "1.00", "1"), 400, "name must be a string"),
                arguments("control character in a sku name", HttpMethod.POST, "/api/skus", sku("\"NEW-1\"", "\"Shirt\\u0007\"", "1.00", "1"),
                        400, "name must not contain control characters"),
                arguments("negative stock", HttpMethod.POST, "/api/skus", sku("\"NEW-1\"", "\"n\"", "1.00", "-1"), 400,
                        "initialStock must be greater than or equal to 0"),
                arguments("huge stock", HttpMethod.POST, "/api/skus", sku("\"NEW-1\"", "\"n\"", "1.00", "10000001"), 400,
                        "initialStock must be less than or equal to 10000000"),
                arguments("sku code too long", HttpMethod.POST, "/api/skus", sku("\"" + "A".repeat(65) + "\"", "\"n\"", "1.00", "1"), 400, "sku must match"),
                arguments("sku registered twice", HttpMethod.POST, "/api/skus", sku("\"SHIRT-1\"", "\"n\"", "1.00", "1"), 409, "SKU SHIRT-1 is already registered"),
                arguments("restock of zero", HttpMethod.POST, "/api/skus/SHIRT-1/restock", "{\"quantity\":0}", 400, "quantity must be greater than or equal to 1"),
                arguments("restock as text", HttpMethod.POST, "/api/skus/SHIRT-1/restock", "{\"quantity\":\"2\"}", 400, "quantity must be a whole number"),
                arguments("restock with an unknown field", HttpMethod.POST, "/api/skus/SHIRT-1/restock", "{\"quantity\":1,\"by\":\"me\"}", 400, "by is not a known field"),
                arguments("restock of an unknown sku", HttpMethod.POST, "/api/skus/NOPE-1/restock", "{\"quantity\":1}", 404, "no SKU NOPE-1"),
                arguments("sku path in lower case", HttpMethod.GET, "/api/skus/shirt-1", null, 400, "sku must match"),
                arguments("unknown sku", HttpMethod.GET, "/api/skus/NOPE-1", null, 404, "no SKU NOPE-1"),
                arguments("page size too big", HttpMethod.GET, "/api/skus?size=1000", null, 400, "size must be 1 to 100"),
                arguments("page size of zero", HttpMethod.GET, "/api/skus?size=0", null, 400, "size must be 1 to 100"),
                // administration
                arguments("replay of an unknown projection", HttpMethod.POST, "/api/admin/projections/nope/replay", null, 404, "no projection named nope"),
                arguments("saga of an unknown order", HttpMethod.GET, "/api/admin/sagas?orderId=nope-123", null, 404,
                        "no live fulfilment saga for order nope-123"),
                arguments("saga without an order id", HttpMethod.GET, "/api/admin/sagas", null, 400, "orderId"),
                arguments("saga of an order id with a space", HttpMethod.GET, "/api/admin/sagas?orderId=a b", null, 400, "orderId"),
                arguments("force-cancel of an unknown order", HttpMethod.POST, "/api/admin/orders/nope-123/force-cancel", null, 404, "no order nope-123"),
                arguments("force-cancel of a delivered order", HttpMethod.POST, "/api/admin/orders/{deliveredOrder}/force-cancel", null, 409,
                        "is DELIVERED and can no longer be force-cancelled"),
                arguments("force-cancel with an over-long reason", HttpMethod.POST, "/api/admin/orders/nope-123/force-cancel",
                        "{\"reason\":\"" + "x".repeat(501) + "\"}", 400, "reason size must be between 0 and 500"),
                arguments("dead letters without a credential", HttpMethod.GET, "/api/admin/dead-letters", null, 401, "Authorization: Bearer"),
                arguments("retry of an unknown dead letter", HttpMethod.POST, "/api/admin/dead-letters/orders:nope/retry", null, 404, "no dead letter orders:nope"),
                arguments("retry of a dead letter of no projection", HttpMethod.POST, "/api/admin/dead-letters/nope/retry", null, 404, "no dead letter nope"),
                arguments("eviction of an unknown dead letter", HttpMethod.DELETE, "/api/admin/dead-letters/skus:nope", null, 404, "no dead letter skus:nope"),
                arguments("eviction of a malformed dead letter id", HttpMethod.DELETE, "/api/admin/dead-letters/a b", null, 400, "id must be a dead letter id"),
                arguments("admin status without a credential", HttpMethod.GET, "/api/admin/projections", null, 401, "Authorization: Bearer"),
                arguments("admin status with a wrong token", HttpMethod.GET, "/api/admin/projections", null, 403, "not the admin token"),
                arguments("replay without a credential", HttpMethod.POST, "/api/admin/projections/orders/replay", null, 401, "Authorization: Bearer"),
                arguments("replay with a wrong token", HttpMethod.POST, "/api/admin/projections/orders/replay", null, 403, "not the admin token"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void isRefusedWithAProblemDocument(String name, HttpMethod method, String path, String body, int status, String detail) {
        for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
            path = path.replace(placeholder.getKey(), placeholder.getValue());
        }
        WebTestClient.RequestBodySpec request = http.method(method).uri(path);
        if (name.equals("bad idempotency key")) {
            request.header("Idempotency-Key", "has spaces in it");
        }
        if (name.endsWith("a wrong token")) {
            request.header("Authorization", "Bearer guessed");
        } else if (path.startsWith("/api/admin") && !name.endsWith("without a credential")) {
            request.header("Authorization", RunwayApi.ADMIN_AUTHORIZATION);
        }
        WebTestClient.ResponseSpec response;
        if (body == null) {
            response = request.exchange();
        } else if (name.equals("invalid UTF-8")) {
            byte[] broken = GOOD_ORDER.replace("Ana", "An\u00ff").getBytes(StandardCharsets.ISO_8859_1);
            response = request.contentType(MediaType.APPLICATION_JSON).bodyValue(broken).exchange();
        } else if (name.equals("not JSON at all")) {
            response = request.contentType(MediaType.TEXT_PLAIN).bodyValue("two shirts please").exchange();
        } else {
            response = request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
        }

        response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        response.expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains(detail));
    }

    /** Endpoints that read no input at all: nothing a client sends can be wrong. */
    private static final Set<String> TAKES_NO_INPUT = Set.of();

    @Test
    void everyEndpointOfTheApiIsInTheTable() {
        List<String> covered = Stream.concat(badRequests().map(row -> row.get()[1] + " " + pathTemplate((String) row.get()[2])),
                TAKES_NO_INPUT.stream()).distinct().toList();
        JsonNode paths = new RunwayApi(http).get("/v3/api-docs").get("paths");
        paths.fieldNames().forEachRemaining(path -> paths.get(path).fieldNames().forEachRemaining(method ->
                assertThat(covered).as("a bad request for " + method.toUpperCase() + " " + path)
                        .contains(method.toUpperCase() + " " + path)));
    }

    private static String pathTemplate(String path) {
        return path.replaceAll("\\?.*", "")
                .replaceAll("^/api/orders/(?!updates$)[^/]+", "/api/orders/{orderId}")
                .replaceAll("^/api/skus/[^/]+", "/api/skus/{sku}")
                .replaceAll("^/api/shipments/[^/]+", "/api/shipments/{shipmentId}")
                .replaceAll("^/api/admin/projections/[^/]+", "/api/admin/projections/{name}")
                .replaceAll("^/api/admin/orders/[^/]+", "/api/admin/orders/{orderId}")
                .replaceAll("^/api/admin/dead-letters/[^/]+", "/api/admin/dead-letters/{id}");
    }
}
