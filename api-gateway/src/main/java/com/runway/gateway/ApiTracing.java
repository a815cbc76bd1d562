package com.runway.gateway;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A server span for every API request, the root of the trace that follows the order through
 * commands, events and the saga (or the continuation of a caller's trace, from its
 * {@code traceparent}). The trace id is returned in {@code X-Trace-Id}, so a client can hand it to
 * support and an operator can find the whole flow. {@link Messaging} makes the span current while
 * it dispatches, which is how Axon's spans become its children.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class ApiTracing implements WebFilter {

    public static final String TRACE_ID_HEADER = "X-Trace-Id";
    private static final TextMapGetter<HttpHeaders> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(HttpHeaders headers) {
            return headers.keySet();
        }

        @Override
        public String get(HttpHeaders headers, String key) {
            return headers == null ? null : headers.getFirst(key);
        }
    };

    private final OpenTelemetry openTelemetry;
    private final Tracer tracer;

    public ApiTracing(OpenTelemetry openTelemetry) {
        this.openTelemetry = openTelemetry;
        this.tracer = openTelemetry.getTracer("runway-api");
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!request.getPath().value().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        Context parent = openTelemetry.getPropagators().getTextMapPropagator().extract(Context.root(), request.getHeaders(), HEADERS);
        Span span = tracer.spanBuilder(request.getMethod().name() + " " + request.getPath().value())
                .setParent(parent)
                .setSpanKind(SpanKind.SERVER)
                .setAttribute("http.request.method", request.getMethod().name())
                .setAttribute("url.path", request.getPath().value())
                .startSpan();
        exchange.getResponse().getHeaders().set(TRACE_ID_HEADER, span.getSpanContext().getTraceId());
        Context context = parent.with(span);
        return chain.filter(exchange)
                .contextWrite(reactorContext -> reactorContext.put(Context.class, context))
                .doFinally(signal -> {
                    Object route = exchange.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
                    if (route != null) {
                        span.updateName(request.getMethod().name() + " " + route);
                        span.setAttribute("http.route", route.toString());
                    }
                    if (exchange.getResponse().getStatusCode() != null) {
                        int status = exchange.getResponse().getStatusCode().value();
                        span.setAttribute("http.response.status_code", status);
                        if (status >= 500) {
                            span.setStatus(StatusCode.ERROR);
                        }
                    }
                    span.end();
                });
    }
}
