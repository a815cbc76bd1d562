package com.runway.standalone;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Past its configured limits the API turns requests away with 503 and Retry-After, and takes nothing from them. */
@SpringBootTest(classes = RunwayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"runway.gateway.max-requests-in-flight=2", "runway.gateway.max-update-streams=2",
                "runway.gateway.overload-retry-after=3s", "runway.payment.timeout=5m"})
class OverloadTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        FreshDataDir.register(registry, "overload");
    }

    @LocalServerPort
    int port;

    @Test
    void aBurstBeyondTheLimitIsPartlyRefusedWithRetryAfterAndOnlyAdmittedOrdersExist() {
        HttpDriver http = new HttpDriver(port);
        assertThat(http.post("/api/skus", sku("BURST-1", 1000)).status()).isEqualTo(201);

        List<CompletableFuture<HttpDriver.Reply>> burst = IntStream.range(0, 64)
                .mapToObj(i -> http.send("POST", "/api/orders", RunwayApi.order("burst", "tok_visa", "PT", "BURST-1", 1)))
                .toList();
        List<HttpDriver.Reply> replies = burst.stream().map(CompletableFuture::join).toList();

        List<HttpDriver.Reply> refused = replies.stream().filter(reply -> reply.status() != 202).toList();
        long accepted = replies.size() - refused.size();
        assertThat(refused).isNotEmpty().allSatisfy(reply -> {
            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.headers().firstValue("Retry-After")).hasValue("3");
            assertThat(reply.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(reply.json().get("type").asText()).isEqualTo("urn:runway:problem:overloaded");
        });
        assertThat(accepted).isPositive();
        System.out.printf("Overload burst: 64 orders at once against a limit of 2 in flight: %d accepted, %d refused with 503%n",
                accepted, refused.size());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(http.get("/api/orders?customerId=burst&status=CONFIRMED").json().get("total").asLong()).isEqualTo(accepted));
        assertThat(http.get("/api/orders?customerId=burst").json().get("total").asLong()).isEqualTo(accepted);
        assertThat(http.post("/api/orders", RunwayApi.order("burst", "tok_visa", "PT", "BURST-1", 1)).status())
                .as("the limit frees up once the burst is over").isEqualTo(202);
    }

    @Test
    void liveUpdateStreamsHaveTheirOwnLimitAndFreeItWhenClosed() throws Exception {
        HttpDriver http = new HttpDriver(port);
        assertThat(http.post("/api/skus", sku("STREAM-1", 10)).status()).isEqualTo(201);
        String orderId = http.post("/api/orders", RunwayApi.order("watcher", "tok_no_response", "PT", "STREAM-1", 1))
                .json().get("orderId").asText();
        String updates = "/api/orders/" + orderId + "/updates";

        HttpResponse<InputStream> first = http.openStream(updates).join();
        HttpResponse<InputStream> second = http.openStream(updates).join();
        assertThat(List.of(first.statusCode(), second.statusCode())).containsOnly(200);
        HttpResponse<InputStream> third = http.openStream(updates).join();
        assertThat(third.statusCode()).isEqualTo(503);
        assertThat(third.headers().firstValue("Retry-After")).hasValue("3");
        third.body().close();

        assertThat(http.get("/api/orders/" + orderId).status()).as("plain requests keep their own budget").isEqualTo(200);

        first.body().close();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            HttpResponse<InputStream> again = http.openStream(updates).join();
            again.body().close();
            assertThat(again.statusCode()).isEqualTo(200);
        });
        second.body().close();
    }

    private static Map<String, Object> sku(String sku, int stock) {
        return Map.of("sku", sku, "name", "Item", "unitPrice", Map.of("amount", "10.00", "currency", "EUR"), "initialStock", stock);
    }
}
