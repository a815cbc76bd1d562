package com.runway.standalone;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Raw HTTP against a running Runway, for tests that need many requests truly in flight at once. */
final class HttpDriver {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String baseUrl;

    HttpDriver(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    record Reply(int status, HttpHeaders headers, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException("not JSON (" + status + "): " + body, e);
            }
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code headers} are name, value pairs. */
    CompletableFuture<Reply> send(String method, String path, Object body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body instanceof String text ? text : json(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (path.startsWith("/api/admin")) {
            request.header("Authorization", RunwayApi.ADMIN_AUTHORIZATION);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> new Reply(response.statusCode(), response.headers(), response.body()));
    }

    Reply get(String path) {
        return send("GET", path, null).join();
    }

    Reply post(String path, Object body, String... headers) {
        return send("POST", path, body, headers).join();
    }

    /** Opens a live stream; the future completes once the response headers arrive. */
    CompletableFuture<HttpResponse<java.io.InputStream>> openStream(String path) {
        return client.sendAsync(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
    }
}
