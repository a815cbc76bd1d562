package com.runway.gateway;

import com.runway.shared.Identifiers;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.UUID;

/**
 * Every API request has a correlation id: the client's {@code X-Correlation-Id}, or a new one. It
 * is returned in the response and becomes the flow id (Axon's {@code traceId} metadata) of the
 * commands the request sends, from where Axon's correlation data providers carry it to every
 * event, every command the saga sends and every event after that; logs show it on every line.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
public class CorrelationIds implements WebFilter {

    public static final String HEADER = "X-Correlation-Id";
    /** Key of the id in the Reactor context of the request. */
    public static final String CONTEXT_KEY = "runway.correlation-id";

    private final FilterProblems problems;

    public CorrelationIds(FilterProblems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        String given = exchange.getRequest().getHeaders().getFirst(HEADER);
        if (given != null && !Identifiers.TOKEN.matcher(given).matches()) {
            return problems.write(exchange.getResponse(), HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                    HEADER + " must be 1 to 128 letters, digits or ._:-");
        }
        String correlationId = given != null ? given : UUID.randomUUID().toString();
        exchange.getResponse().getHeaders().set(HEADER, correlationId);
        return chain.filter(exchange).contextWrite(context -> context.put(CONTEXT_KEY, correlationId));
    }
}
