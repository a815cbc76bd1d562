package com.runway.gateway;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
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

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The admin endpoints (replays now; repairs later) change what every reader sees, so they take a
 * bearer credential, {@code runway.admin.token}: none is 401, a wrong one 403. Left unset, a
 * random token is made for this run and logged once, so a fresh install is never open.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class AdminAuthentication implements WebFilter {

    private static final Logger log = LoggerFactory.getLogger(AdminAuthentication.class);
    private static final String BEARER = "Bearer ";

    private final byte[] token;
    private final FilterProblems problems;

    public AdminAuthentication(@Value("${runway.admin.token:}") String configured, FilterProblems problems) {
        String token = configured;
        if (token.isBlank()) {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            token = HexFormat.of().formatHex(random);
            log.warn("runway.admin.token is not set; the admin API takes this generated token until restart: {}", token);
        }
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().startsWith("/api/admin/")
                && !exchange.getRequest().getPath().value().equals("/api/admin")) {
            return chain.filter(exchange);
        }
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.startsWith(BEARER)) {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"runway-admin\"");
            return refuse(exchange.getResponse(), HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated",
                    "the admin API needs an Authorization: Bearer <runway.admin.token> header");
        }
        byte[] presented = authorization.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(presented, token)) {
            return refuse(exchange.getResponse(), HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "the bearer token is not the admin token");
        }
        return chain.filter(exchange);
    }

    private Mono<Void> refuse(ServerHttpResponse response, HttpStatus status, String type, String title, String detail) {
        return problems.write(response, status, type, title, detail);
    }
}
