package com.runway.inventory.query;

import com.runway.inventory.api.SkuRegisteredEvent;
import com.runway.inventory.api.SkuView;
import com.runway.inventory.api.StockReleasedEvent;
import com.runway.inventory.api.StockReservedEvent;
import com.runway.inventory.api.StockRestockedEvent;
import com.runway.inventory.api.StockShippedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/** Stock figures per SKU: onHand, reserved and available. */
@Component
@ProcessingGroup(SkuProjection.NAME)
public class SkuProjection {

    public static final String NAME = "skus";
    private final SkuReadModel readModel;

    public SkuProjection(SkuReadModel readModel) {
        this.readModel = readModel;
    }

    @EventHandler
    void on(SkuRegisteredEvent event, @SequenceNumber long sequence) {
        readModel.register(new SkuView(event.sku(), event.name(), event.unitPrice(),
                event.initialStock(), 0, event.initialStock()), sequence);
    }

    @EventHandler
    void on(StockRestockedEvent event, @SequenceNumber long sequence) {
        readModel.adjust(event.sku(), sequence, event.quantity(), 0);
    }

    @EventHandler
    void on(StockReservedEvent event, @SequenceNumber long sequence) {
        readModel.adjust(event.sku(), sequence, 0, event.quantity());
    }

    @EventHandler
    void on(StockReleasedEvent event, @SequenceNumber long sequence) {
        readModel.adjust(event.sku(), sequence, 0, -event.quantity());
    }

    @EventHandler
    void on(StockShippedEvent event, @SequenceNumber long sequence) {
        readModel.adjust(event.sku(), sequence, -event.quantity(), -event.quantity());
    }

    @ResetHandler
    void reset() {
        readModel.beginRebuild();
    }
}
