package com.runway.gateway;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.concurrent.Semaphore;

/**
 * Admits at most a configured number of API requests at once, and separately of live update
 * streams, which stay open for minutes. Beyond that the API answers 503 with {@code Retry-After}
 * at once, so a burst costs a refusal instead of a queue that grows until memory runs out.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AdmissionControl implements WebFilter {

    private final Semaphore requests;
    private final Semaphore updateStreams;
    private final FilterProblems problems;
    private final String retryAfterSeconds;

    public AdmissionControl(GatewaySettings settings, FilterProblems problems) {
        this.requests = new Semaphore(settings.maxRequestsInFlight());
        this.updateStreams = new Semaphore(settings.maxUpdateStreams());
        this.problems = problems;
        this.retryAfterSeconds = Long.toString(Math.max(1, settings.overloadRetryAfter().toSeconds()));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        if (!path.startsWith("/api/")) {
            return chain.filter(exchange);
        }
        Semaphore permits = path.endsWith("/updates") ? updateStreams : requests;
        if (!permits.tryAcquire()) {
            return refuse(exchange.getResponse(), permits == updateStreams
                    ? "too many live update streams are open; retry later"
                    : "too many requests are in progress; retry later");
        }
        return chain.filter(exchange).doFinally(signal -> permits.release());
    }

    private Mono<Void> refuse(ServerHttpResponse response, String detail) {
        response.getHeaders().set(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
        return problems.write(response, HttpStatus.SERVICE_UNAVAILABLE, "overloaded", "Overloaded", detail);
    }
}
