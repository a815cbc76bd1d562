package com.runway.shared.boot;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.axonframework.tracing.SpanFactory;
import org.axonframework.tracing.opentelemetry.OpenTelemetrySpanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One OpenTelemetry SDK per deployable, and Axon's span factory on it: commands, events, saga and
 * projection handling become spans, and the trace context travels in each message's metadata
 * (W3C {@code traceparent}), across the saga hop and across services. Spans go out over OTLP when
 * {@code OTEL_EXPORTER_OTLP_ENDPOINT} is set, and nowhere when it is not. Replayed events are not
 * traced ({@link ReplaySilentSpanFactory}). The SDK is a bean rather
 * than the JVM-wide global, so several application contexts (tests) never fight over it.
 */
@Configuration
public class RunwayTracing {

    @Bean(destroyMethod = "close")
    OpenTelemetrySdk openTelemetry(@Value("${otel.service.name:${spring.application.name:runway}}") String serviceName,
                                   @Value("${otel.exporter.otlp.endpoint:}") String otlpEndpoint,
                                   ObjectProvider<SpanExporter> localExporters) {
        SdkTracerProviderBuilder tracing = SdkTracerProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.create(
                        Attributes.of(AttributeKey.stringKey("service.name"), serviceName))));
        if (!otlpEndpoint.isBlank()) {
            tracing.addSpanProcessor(BatchSpanProcessor.builder(
                    OtlpGrpcSpanExporter.builder().setEndpoint(otlpEndpoint).build()).build());
        }
        localExporters.orderedStream().forEach(exporter -> tracing.addSpanProcessor(SimpleSpanProcessor.create(exporter)));
        return OpenTelemetrySdk.builder()
                .setTracerProvider(tracing.build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
    }

    @Bean
    SpanFactory spanFactory(OpenTelemetry openTelemetry) {
        return new ReplaySilentSpanFactory(OpenTelemetrySpanFactory.builder()
                .tracer(openTelemetry.getTracer("AxonFramework-OpenTelemetry"))
                .contextPropagators(openTelemetry.getPropagators().getTextMapPropagator())
                .build());
    }
}
