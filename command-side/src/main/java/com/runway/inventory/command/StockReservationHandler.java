package com.runway.inventory.command;

import com.runway.inventory.api.ReserveStockCommand;
import com.runway.inventory.api.StockRejectionReason;
import com.runway.inventory.api.StockReservationRejectedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Reservations name SKUs chosen by customers, so some name SKUs that were never registered. That is
 * a business answer, not a failure: it is published as a rejection the fulfilment saga reacts to,
 * without creating an aggregate for a SKU that does not exist.
 */
@Component
public class StockReservationHandler {

    private final Repository<InventoryItem> inventoryItemRepository;
    private final EventGateway eventGateway;

    public StockReservationHandler(Repository<InventoryItem> inventoryItemRepository, EventGateway eventGateway) {
        this.inventoryItemRepository = inventoryItemRepository;
        this.eventGateway = eventGateway;
    }

    @CommandHandler
    public void handle(ReserveStockCommand command) throws Exception {
        try {
            inventoryItemRepository.load(command.sku().value()).execute(item -> item.reserve(command));
        } catch (AggregateNotFoundException unknownSku) {
            eventGateway.publish(new StockReservationRejectedEvent(
                    command.sku(), command.orderId(), command.quantity(), StockRejectionReason.UNKNOWN_SKU));
        }
    }
}
