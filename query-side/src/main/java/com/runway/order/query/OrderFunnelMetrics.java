package com.runway.order.query;

import com.runway.order.api.OrderCancelledEvent;
import com.runway.order.api.OrderConfirmedEvent;
import com.runway.order.api.OrderDeliveredEvent;
import com.runway.order.api.OrderId;
import com.runway.order.api.OrderPlacedEvent;
import com.runway.order.api.OrderRejectedEvent;
import com.runway.order.api.RejectionReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The order funnel as Prometheus counters: placed, confirmed, rejected by reason, cancelled,
 * delivered, and how long an order takes from placed to confirmed. Counts events from the moment
 * the process starts (its processor begins at the head of the stream and is never replayed), so
 * a restart resets the counters the way Prometheus expects, never counting an order twice.
 */
@Component
@ProcessingGroup(OrderFunnelMetrics.NAME)
public class OrderFunnelMetrics {

    public static final String NAME = "order-metrics";
    /** Orders placed but not yet decided; beyond this many the oldest are no longer timed. */
    static final int MAX_PENDING = 100_000;

    private final Counter placed;
    private final Counter confirmed;
    private final Counter cancelled;
    private final Counter delivered;
    private final Map<RejectionReason, Counter> rejected = new EnumMap<>(RejectionReason.class);
    private final Timer placeToConfirmed;
    private final Map<OrderId, Instant> pending = new ConcurrentHashMap<>();

    public OrderFunnelMetrics(MeterRegistry registry) {
        placed = Counter.builder("runway.orders.placed").description("Orders accepted").register(registry);
        confirmed = Counter.builder("runway.orders.confirmed").description("Orders with stock reserved and payment authorised").register(registry);
        cancelled = Counter.builder("runway.orders.cancelled").description("Orders cancelled by the customer").register(registry);
        delivered = Counter.builder("runway.orders.delivered").description("Orders delivered").register(registry);
        for (RejectionReason reason : RejectionReason.values()) {
            rejected.put(reason, Counter.builder("runway.orders.rejected").tag("reason", reason.name())
                    .description("Orders turned down, by reason").register(registry));
        }
        placeToConfirmed = Timer.builder("runway.orders.place.to.confirmed")
                .description("From order placed to order confirmed")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(5))
                .maximumExpectedValue(Duration.ofMinutes(2))
                .register(registry);
    }

    @EventHandler
    void on(OrderPlacedEvent event, @Timestamp Instant at) {
        placed.increment();
        if (pending.size() < MAX_PENDING) {
            pending.put(event.orderId(), at);
        }
    }

    @EventHandler
    void on(OrderConfirmedEvent event, @Timestamp Instant at) {
        confirmed.increment();
        Instant placedAt = pending.remove(event.orderId());
        if (placedAt != null) {
            placeToConfirmed.record(Duration.between(placedAt, at));
        }
    }

    @EventHandler
    void on(OrderRejectedEvent event) {
        rejected.get(event.reason()).increment();
        pending.remove(event.orderId());
    }

    @EventHandler
    void on(OrderCancelledEvent event) {
        cancelled.increment();
        pending.remove(event.orderId());
    }

    @EventHandler
    void on(OrderDeliveredEvent event) {
        delivered.increment();
    }
}
