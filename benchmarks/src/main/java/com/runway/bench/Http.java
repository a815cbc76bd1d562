package com.runway.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.Executors;

/** JSON over HTTP/1.1 to one Runway on loopback. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client;
    private final String baseUrl;
    private final String adminToken;

    Http(int port, String adminToken) {
        this.baseUrl = "http://127.0.0.1:" + port;
        this.adminToken = adminToken;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(4, daemon("http")))
                .build();
    }

    record Reply(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (" + status + "): " + body, e);
            }
        }
    }

    record Request(String method, String path, Object body) {
    }

    /** Sends every request, at most {@code inFlight} at a time, and waits for all: the replies in order, null where the connection failed. */
    List<Reply> sendAll(List<Request> requests, int inFlight) throws InterruptedException {
        Semaphore slots = new Semaphore(inFlight);
        List<CompletableFuture<Reply>> replies = new ArrayList<>();
        for (Request request : requests) {
            slots.acquire();
            replies.add(sendAsync(request.method(), request.path(), request.body())
                    .whenComplete((reply, failure) -> slots.release())
                    .exceptionally(failure -> null));
        }
        return replies.stream().map(CompletableFuture::join).toList();
    }

    CompletableFuture<Reply> sendAsync(String method, String path, Object body) {
        return client.sendAsync(request(method, path, body), HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> new Reply(response.statusCode(), response.body()));
    }

    Reply send(String method, String path, Object body) {
        try {
            HttpResponse<String> response = client.send(request(method, path, body), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    Reply get(String path) {
        return send("GET", path, null);
    }

    Reply post(String path, Object body) {
        return send("POST", path, body);
    }

    /** A server-sent event stream, read line by line on the caller's thread. */
    HttpResponse<java.util.stream.Stream<String>> stream(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
    }

    private HttpRequest request(String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            try {
                request.method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                        .header("Content-Type", "application/json");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (path.startsWith("/api/admin")) {
            request.header("Authorization", "Bearer " + adminToken);
        }
        return request.build();
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
