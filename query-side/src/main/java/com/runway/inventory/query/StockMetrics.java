package com.runway.inventory.query;

import com.runway.inventory.api.StockRejectionReason;
import com.runway.inventory.api.StockReservationRejectedEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.Map;

/** Stock reservations refused, by reason; counted live like the order funnel, never replayed. */
@Component
@ProcessingGroup(StockMetrics.NAME)
public class StockMetrics {

    public static final String NAME = "stock-metrics";
    private final Map<StockRejectionReason, Counter> rejected = new EnumMap<>(StockRejectionReason.class);

    public StockMetrics(MeterRegistry registry) {
        for (StockRejectionReason reason : StockRejectionReason.values()) {
            rejected.put(reason, Counter.builder("runway.stock.reservations.rejected").tag("reason", reason.name())
                    .description("Stock reservations refused, by reason").register(registry));
        }
    }

    @EventHandler
    void on(StockReservationRejectedEvent event) {
        rejected.get(event.reason()).increment();
    }
}
