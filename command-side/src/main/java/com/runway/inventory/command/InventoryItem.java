package com.runway.inventory.command;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.runway.inventory.api.RegisterSkuCommand;
import com.runway.inventory.api.ReleaseStockCommand;
import com.runway.inventory.api.ReserveStockCommand;
import com.runway.inventory.api.RestockSkuCommand;
import com.runway.inventory.api.ShipStockCommand;
import com.runway.inventory.api.Sku;
import com.runway.inventory.api.SkuRegisteredEvent;
import com.runway.inventory.api.StockReleasedEvent;
import com.runway.inventory.api.StockReservationRejectedEvent;
import com.runway.inventory.api.StockReservedEvent;
import com.runway.inventory.api.StockRejectionReason;
import com.runway.inventory.api.StockRestockedEvent;
import com.runway.inventory.api.StockShippedEvent;
import com.runway.order.api.OrderId;
import com.runway.shared.CommandRejection;
import com.runway.shared.Money;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import com.runway.commandside.CommandSideConfiguration;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The stock of one SKU. Invariant: available = onHand - reserved, never negative; every reserved
 * unit belongs to exactly one order, so a release gives back exactly what that order took.
 * A popular SKU collects events fast, so it is snapshotted (its fields, as JSON) every few events.
 */
@Aggregate(snapshotTriggerDefinition = "inventorySnapshotTrigger", cache = CommandSideConfiguration.AGGREGATE_CACHE)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class InventoryItem {

    @AggregateIdentifier
    private Sku sku;
    private Money unitPrice;
    private int onHand;
    private int reserved;
    private final Map<OrderId, Integer> reservations = new HashMap<>();

    InventoryItem() {
    }

    @CommandHandler
    public InventoryItem(RegisterSkuCommand command, MarketplaceCurrency currency) {
        StockRules.requireValidRegistration(command, currency);
        apply(new SkuRegisteredEvent(command.sku(), command.name().strip(), command.unitPrice(), command.initialStock()));
    }

    @CommandHandler
    public void handle(RestockSkuCommand command) {
        StockRules.requireValidQuantity(command.quantity());
        if ((long) onHand + command.quantity() > StockRules.MAX_ON_HAND) {
            throw CommandRejection.unprocessable("restock would take " + sku + " above " + StockRules.MAX_ON_HAND + " units on hand");
        }
        apply(new StockRestockedEvent(sku, command.quantity()));
    }

    /** Not a command handler itself: {@link StockReservationHandler} routes here once the SKU is known to exist. */
    void reserve(ReserveStockCommand command) {
        if (reservations.containsKey(command.orderId())) {
            return;
        }
        StockRules.requireValidQuantity(command.quantity());
        if (command.quantity() > available()) {
            apply(new StockReservationRejectedEvent(sku, command.orderId(), command.quantity(), StockRejectionReason.OUT_OF_STOCK));
        } else {
            apply(new StockReservedEvent(sku, command.orderId(), command.quantity(), unitPrice));
        }
    }

    @CommandHandler
    public void handle(ReleaseStockCommand command) {
        Integer held = reservations.get(command.orderId());
        if (held != null) {
            apply(new StockReleasedEvent(sku, command.orderId(), held));
        }
    }

    @CommandHandler
    public void handle(ShipStockCommand command) {
        Integer held = reservations.get(command.orderId());
        if (held == null) {
            throw CommandRejection.conflict("order " + command.orderId() + " holds no stock of " + sku);
        }
        apply(new StockShippedEvent(sku, command.orderId(), held));
    }

    private int available() {
        return onHand - reserved;
    }

    @EventSourcingHandler
    void on(SkuRegisteredEvent event) {
        sku = event.sku();
        unitPrice = event.unitPrice();
        onHand = event.initialStock();
    }

    @EventSourcingHandler
    void on(StockRestockedEvent event) {
        onHand += event.quantity();
    }

    @EventSourcingHandler
    void on(StockReservedEvent event) {
        reservations.put(event.orderId(), event.quantity());
        reserved += event.quantity();
    }

    @EventSourcingHandler
    void on(StockReleasedEvent event) {
        reservations.remove(event.orderId());
        reserved -= event.quantity();
    }

    @EventSourcingHandler
    void on(StockShippedEvent event) {
        reservations.remove(event.orderId());
        reserved -= event.quantity();
        onHand -= event.quantity();
    }
}
