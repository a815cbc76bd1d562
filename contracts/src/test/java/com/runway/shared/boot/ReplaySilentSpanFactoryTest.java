package com.runway.shared.boot;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.tracing.SpanFactory;
import org.axonframework.tracing.opentelemetry.OpenTelemetrySpanFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class ReplaySilentSpanFactoryTest {

    private final List<String> exported = new CopyOnWriteArrayList<>();
    private final SdkTracerProvider tracing = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(new SpanExporter() {
                @Override
                public CompletableResultCode export(Collection<SpanData> spans) {
                    spans.forEach(span -> exported.add(span.getName()));
                    return CompletableResultCode.ofSuccess();
                }

                @Override
                public CompletableResultCode flush() {
                    return CompletableResultCode.ofSuccess();
                }

                @Override
                public CompletableResultCode shutdown() {
                    return CompletableResultCode.ofSuccess();
                }
            }))
            .build();
    private final SpanFactory spans = new ReplaySilentSpanFactory(OpenTelemetrySpanFactory.builder()
            .tracer(tracing.get("test"))
            .build());

    @AfterEach
    void close() {
        tracing.close();
    }

    @Test
    void handlingALiveEventIsTraced() {
        TrackedEventMessage<?> live = tracked(new GlobalSequenceTrackingToken(7));

        spans.createChildHandlerSpan(() -> "orders.handle", live).start().end();
        spans.createInternalSpan(() -> "OrderProjection.on", live).start().end();
        spans.createHandlerSpan(() -> "saga.handle", live, false).start().end();

        assertThat(exported).containsExactly("orders.handle(String)", "OrderProjection.on(String)", "saga.handle(String)");
    }

    @Test
    void handlingAReplayedEventIsNotTraced() {
        TrackedEventMessage<?> replayed = tracked(ReplayToken.createReplayToken(
                new GlobalSequenceTrackingToken(100), new GlobalSequenceTrackingToken(7)));
        assertThat(ReplayToken.isReplay(replayed)).isTrue();

        spans.createChildHandlerSpan(() -> "orders.handle", replayed).start().end();
        spans.createLinkedHandlerSpan(() -> "orders.handle", replayed).start().end();
        spans.createInternalSpan(() -> "OrderProjection.on", replayed).start().end();
        spans.createHandlerSpan(() -> "orders.handle", replayed, false).start().end();
        spans.createRootTrace(() -> "batch").start().end();

        assertThat(exported).containsExactly("batch");
    }

    private static TrackedEventMessage<?> tracked(TrackingToken token) {
        return new GenericTrackedEventMessage<>(token, GenericEventMessage.asEventMessage("OrderPlacedEvent"));
    }
}
