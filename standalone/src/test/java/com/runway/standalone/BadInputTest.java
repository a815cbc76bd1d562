package com.runway.standalone;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Every malformed request gets a 4xx problem document naming what is wrong, and stores nothing. */
@SpringBootTest(classes = RunwayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        Path dataDir = Files.createTempDirectory("runway-bad-input");
        registry.add("runway.data-dir", dataDir::toString);
    }

    private static final String ADDRESS = """
            "shippingAddress":{"name":"Ana","street":"Rua Augusta 1","city":"Lisboa","postalCode":"1100","country":"PT"}""";
    private static final String LINE = "\"lines\":[{\"sku\":\"SHIRT-1\",\"quantity\":1}]";

    @Autowired
    WebTestClient http;
    @Autowired
    JdbcTemplate jdbc;

    private long eventsBefore;

    @BeforeAll
    void registerOneSku() {
        new RunwayApi(http).registerSku("SHIRT-1", "10.00", 5);
        eventsBefore = storedEvents();
    }

    @AfterAll
    void nothingWasStored() {
        assertThat(storedEvents()).isEqualTo(eventsBefore);
    }

    private long storedEvents() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
    }

    private static String orderWithLines(String lines) {
        return "{\"customerId\":\"c\",\"lines\":" + lines + "," + ADDRESS + ",\"paymentToken\":\"t\"}";
    }

    private static String orderWithAddress(String address) {
        return "{\"customerId\":\"c\"," + LINE + ",\"shippingAddress\":" + address + ",\"paymentToken\":\"t\"}";
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                arguments("malformed JSON", HttpMethod.POST, "/api/orders", "{\"customerId\":", 400, "not well-formed JSON"),
                arguments("missing lines", HttpMethod.POST, "/api/orders",
                        "{\"customerId\":\"c\"," + ADDRESS + ",\"paymentToken\":\"tok_visa\"}", 400, "lines must not be null"),
                arguments("quantity as text", HttpMethod.POST, "/api/orders",
                        orderWithLines("[{\"sku\":\"SHIRT-1\",\"quantity\":\"2\"}]"),
                        400, "lines[0].quantity must be a whole number"),
                arguments("fractional quantity", HttpMethod.POST, "/api/orders",
                        orderWithLines("[{\"sku\":\"SHIRT-1\",\"quantity\":1.5}]"),
                        400, "lines[0].quantity must be a whole number"),
                arguments("zero quantity", HttpMethod.POST, "/api/orders",
                        orderWithLines("[{\"sku\":\"SHIRT-1\",\"quantity\":0}]"),
                        400, "lines[0].quantity must be greater than or equal to 1"),
                arguments("huge quantity", HttpMethod.POST, "/api/orders",
                        orderWithLines("[{\"sku\":\"SHIRT-1\",\"quantity\":100000000000}]"),
                        400, "lines[0].quantity"),
                arguments("no lines", HttpMethod.POST, "/api/orders",
                        orderWithLines("[]"), 400, "lines size must be between 1 and 50"),
                arguments("bad sku format", HttpMethod.POST, "/api/orders",
                        orderWithLines("[{\"sku\":\"shirt one\",\"quantity\":1}]"),
                        400, "lines[0].sku must match [A-Z0-9-]{1,64}"),
                arguments("duplicate skus", HttpMethod.POST, "/api/orders",
                        orderWithLines("[{\"sku\":\"SHIRT-1\",\"quantity\":1},{\"sku\":\"SHIRT-1\",\"quantity\":2}]"), 422, "lines[1].sku SHIRT-1 appears on more than one line"),
                arguments("unknown field", HttpMethod.POST, "/api/orders",
                        "{\"customerId\":\"c\"," + LINE + "," + ADDRESS + ",\"paymentToken\":\"t\",\"coupon\":\"FREE\"}", 400, "coupon is not a known field"),
                arguments("bad country", HttpMethod.POST, "/api/orders",
                        orderWithAddress("{\"name\":\"Ana\",\"street\":\"R\",\"city\":\"L\",\"postalCode\":\"1\",\"country\":\"Portugal\"}"),
                        400, "shippingAddress.country must be an ISO 3166-1 alpha-2 code"),
                arguments("control character in a name", HttpMethod.POST, "/api/orders",
                        orderWithAddress("{\"name\":\"Ana\\u0000\",\"street\":\"R\",\"city\":\"L\",\"postalCode\":\"1\",\"country\":\"PT\"}"),
                        400, "shippingAddress.name must not contain control characters"),
                arguments("bad idempotency key", HttpMethod.POST, "/api/orders", null, 400, "Idempotency-Key"),
                arguments("sku price in another currency", HttpMethod.POST, "/api/skus",
                        "{\"sku\":\"NEW-1\",\"name\":\"n\",\"unitPrice\":{\"amount\":\"1.00\",\"currency\":\"USD\"},\"initialStock\":1}",
                        422, "unitPrice.currency must be EUR"),
                arguments("no such currency", HttpMethod.POST, "/api/skus",
                        "{\"sku\":\"NEW-1\",\"name\":\"n\",\"unitPrice\":{\"amount\":\"1.00\",\"currency\":\"ZZZ\"},\"initialStock\":1}",
                        400, "unitPrice.currency 'ZZZ' is not an ISO 4217 currency"),
                arguments("price with three decimals", HttpMethod.POST, "/api/skus",
                        "{\"sku\":\"NEW-1\",\"name\":\"n\",\"unitPrice\":{\"amount\":\"1.001\",\"currency\":\"EUR\"},\"initialStock\":1}",
                        400, "unitPrice.amount"),
                arguments("negative stock", HttpMethod.POST, "/api/skus",
                        "{\"sku\":\"NEW-1\",\"name\":\"n\",\"unitPrice\":{\"amount\":\"1.00\",\"currency\":\"EUR\"},\"initialStock\":-1}",
                        400, "initialStock must be greater than or equal to 0"),
                arguments("sku registered twice", HttpMethod.POST, "/api/skus",
                        "{\"sku\":\"SHIRT-1\",\"name\":\"n\",\"unitPrice\":{\"amount\":\"1.00\",\"currency\":\"EUR\"},\"initialStock\":1}",
                        409, "SKU SHIRT-1 is already registered"),
                arguments("restock of zero", HttpMethod.POST, "/api/skus/SHIRT-1/restock", "{\"quantity\":0}", 400, "quantity must be greater than or equal to 1"),
                arguments("restock of an unknown sku", HttpMethod.POST, "/api/skus/NOPE-1/restock", "{\"quantity\":1}", 404, "no SKU NOPE-1"),
                arguments("sku path in lower case", HttpMethod.GET, "/api/skus/shirt-1", null, 400, "sku must match"),
                arguments("unknown sku", HttpMethod.GET, "/api/skus/NOPE-1", null, 404, "no SKU NOPE-1"),
                arguments("unknown status filter", HttpMethod.GET, "/api/orders?status=LOST", null, 400, "status must be one of"),
                arguments("page size too big", HttpMethod.GET, "/api/skus?size=1000", null, 400, "size must be 1 to 100"),
                arguments("oversized body", HttpMethod.POST, "/api/orders",
                        "{\"customerId\":\"" + "c".repeat(70 * 1024) + "\"}", 413, "exceeds the size this API accepts"),
                arguments("dispatch of an unknown shipment", HttpMethod.POST, "/api/shipments/nope/dispatch", null, 404, "no shipment nope"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void isRefusedWithAProblemDocument(String name, HttpMethod method, String path, String body, int status, String detail) {
        WebTestClient.RequestBodySpec request = http.method(method).uri(path);
        if (name.equals("bad idempotency key")) {
            request.header("Idempotency-Key", "has spaces in it");
            body = "{\"customerId\":\"c\"," + LINE + "," + ADDRESS + ",\"paymentToken\":\"tok_visa\"}";
        }
        WebTestClient.ResponseSpec response = body == null
                ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();

        response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        response.expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains(detail));
    }
}
