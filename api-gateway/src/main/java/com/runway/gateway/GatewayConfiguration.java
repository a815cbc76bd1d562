package com.runway.gateway;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

import java.time.Duration;

/**
 * The REST API. It holds no domain state: every request becomes a command or a query on Axon's
 * gateways, wherever their handlers run.
 */
@Configuration
@ComponentScan(basePackages = {"com.runway.gateway", "com.runway.order.web", "com.runway.inventory.web",
        "com.runway.shipping.web", "com.runway.projection.web", "com.runway.fulfilment.web"},
        excludeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = GatewayApplication.class))
public class GatewayConfiguration {

    @Bean
    GatewaySettings gatewaySettings(@Value("${runway.gateway.command-timeout:10s}") Duration commandTimeout,
                                    @Value("${runway.gateway.query-timeout:5s}") Duration queryTimeout,
                                    @Value("${runway.gateway.updates-grace:5s}") Duration updatesGrace,
                                    @Value("${runway.gateway.updates-keep-alive:15s}") Duration updatesKeepAlive,
                                    @Value("${runway.gateway.updates-buffer:1024}") int updatesBuffer,
                                    @Value("${runway.gateway.max-requests-in-flight:256}") int maxRequestsInFlight,
                                    @Value("${runway.gateway.max-update-streams:1024}") int maxUpdateStreams,
                                    @Value("${runway.gateway.overload-retry-after:1s}") Duration overloadRetryAfter) {
        return new GatewaySettings(commandTimeout, queryTimeout, updatesGrace, updatesKeepAlive, updatesBuffer,
                maxRequestsInFlight, maxUpdateStreams, overloadRetryAfter);
    }

    /**
     * Requests are read strictly: an unknown field, a number sent as a string or a fraction where a
     * count is expected is a client mistake to report, not to guess around. Amounts stay free to
     * arrive as decimal strings.
     */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictRequestReading() {
        return builder -> builder
                .featuresToEnable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .featuresToDisable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .postConfigurer(mapper -> {
                    mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
                    mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
                    mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
                    mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
                });
    }

    @Bean
    OpenAPI runwayOpenApi() {
        return new OpenAPI().info(new Info().title("Runway")
                .description("Order fulfilment for a fashion marketplace: commands in, read models out.")
                .version("v1"));
    }
}
