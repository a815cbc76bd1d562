package com.runway.inventory.command;

import com.runway.inventory.api.RegisterSkuCommand;
import com.runway.inventory.api.ReleaseStockCommand;
import com.runway.inventory.api.ReserveStockCommand;
import com.runway.inventory.api.RestockSkuCommand;
import com.runway.inventory.api.ShipStockCommand;
import com.runway.inventory.api.Sku;
import com.runway.inventory.api.SkuRegisteredEvent;
import com.runway.inventory.api.StockRejectionReason;
import com.runway.inventory.api.StockReleasedEvent;
import com.runway.inventory.api.StockReservationRejectedEvent;
import com.runway.inventory.api.StockReservedEvent;
import com.runway.inventory.api.StockRestockedEvent;
import com.runway.inventory.api.StockShippedEvent;
import com.runway.order.api.OrderId;
import com.runway.shared.CommandRejection;
import com.runway.shared.Money;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventhandling.gateway.DefaultEventGateway;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InventoryItemTest {

    private static final Sku SKU = new Sku("TSHIRT-RED-M");
    private static final Money PRICE = Money.of("19.99", "EUR");
    private static final OrderId ORDER = new OrderId("order-1");
    private static final OrderId OTHER_ORDER = new OrderId("order-2");

    private AggregateTestFixture<InventoryItem> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(InventoryItem.class);
        fixture.registerInjectableResource(new MarketplaceCurrency("EUR"));
        fixture.registerAnnotatedCommandHandler(new StockReservationHandler(
                fixture.getRepository(), DefaultEventGateway.builder().eventBus(fixture.getEventBus()).build()));
    }

    private SkuRegisteredEvent registered(int stock) {
        return new SkuRegisteredEvent(SKU, "Red T-shirt M", PRICE, stock);
    }

    @Test
    void registeringASkuRecordsItsNamePriceAndStock() {
        fixture.givenNoPriorActivity()
                .when(new RegisterSkuCommand(SKU, "  Red T-shirt M ", PRICE, 10))
                .expectEvents(registered(10));
    }

    @Test
    void aSkuPricedInAnotherCurrencyIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterSkuCommand(SKU, "Red T-shirt M", Money.of("19.99", "USD"), 10))
                .expectNoEvents()
                .expectException(CommandExecutionException.class)
                .expectExceptionMessage("unitPrice must be in EUR, the marketplace currency")
                .expectExceptionDetails(new CommandRejection(CommandRejection.Kind.UNPROCESSABLE,
                        "unitPrice must be in EUR, the marketplace currency"));
    }

    @Test
    void aNegativeInitialStockIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterSkuCommand(SKU, "Red T-shirt M", PRICE, -1))
                .expectNoEvents()
                .expectExceptionMessage("initialStock must be 0 to 10000000");
    }

    @Test
    void aBlankOrControlCharacterNameIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterSkuCommand(SKU, "  ", PRICE, 1))
                .expectNoEvents()
                .expectExceptionMessage("name must be 1 to 200 characters");
        fixture.givenNoPriorActivity()
                .when(new RegisterSkuCommand(SKU, "Red\u0007", PRICE, 1))
                .expectNoEvents()
                .expectExceptionMessage("name must not contain control characters");
    }

    @Test
    void restockingAddsToStockOnHand() {
        fixture.given(registered(1))
                .when(new RestockSkuCommand(SKU, 5))
                .expectEvents(new StockRestockedEvent(SKU, 5));
    }

    @Test
    void restockingZeroUnitsIsRefused() {
        fixture.given(registered(1))
                .when(new RestockSkuCommand(SKU, 0))
                .expectNoEvents()
                .expectExceptionMessage("quantity must be 1 to 10000000");
    }

    @Test
    void aReservationWithinAvailableStockHoldsItAtTheSkuPrice() {
        fixture.given(registered(3))
                .when(new ReserveStockCommand(SKU, ORDER, 3))
                .expectEvents(new StockReservedEvent(SKU, ORDER, 3, PRICE));
    }

    @Test
    void aReservationBeyondAvailableStockIsRejectedAsAnEvent() {
        fixture.given(registered(5), new StockReservedEvent(SKU, OTHER_ORDER, 3, PRICE))
                .when(new ReserveStockCommand(SKU, ORDER, 3))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new StockReservationRejectedEvent(SKU, ORDER, 3, StockRejectionReason.OUT_OF_STOCK));
    }

    @Test
    void aReservationForAnUnknownSkuIsRejectedAsAnEvent() {
        fixture.givenNoPriorActivity()
                .when(new ReserveStockCommand(SKU, ORDER, 1))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new StockReservationRejectedEvent(SKU, ORDER, 1, StockRejectionReason.UNKNOWN_SKU));
    }

    @Test
    void aRepeatedReservationForTheSameOrderHoldsNothingMore() {
        fixture.given(registered(5), new StockReservedEvent(SKU, ORDER, 2, PRICE))
                .when(new ReserveStockCommand(SKU, ORDER, 2))
                .expectNoEvents();
    }

    @Test
    void releasingGivesBackExactlyWhatTheOrderHeld() {
        fixture.given(registered(5), new StockReservedEvent(SKU, ORDER, 2, PRICE),
                        new StockReservedEvent(SKU, OTHER_ORDER, 1, PRICE))
                .when(new ReleaseStockCommand(SKU, ORDER))
                .expectEvents(new StockReleasedEvent(SKU, ORDER, 2));
    }

    @Test
    void releasingForAnOrderThatHoldsNothingChangesNothing() {
        fixture.given(registered(5))
                .when(new ReleaseStockCommand(SKU, ORDER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void releasedStockCanBeReservedAgain() {
        fixture.given(registered(2), new StockReservedEvent(SKU, ORDER, 2, PRICE), new StockReleasedEvent(SKU, ORDER, 2))
                .when(new ReserveStockCommand(SKU, OTHER_ORDER, 2))
                .expectEvents(new StockReservedEvent(SKU, OTHER_ORDER, 2, PRICE));
    }

    @Test
    void shippingTakesTheOrdersReservedUnitsOffTheShelf() {
        fixture.given(registered(5), new StockReservedEvent(SKU, ORDER, 2, PRICE))
                .when(new ShipStockCommand(SKU, ORDER))
                .expectEvents(new StockShippedEvent(SKU, ORDER, 2))
                .expectState(item -> assertThat(item).extracting("onHand", "reserved").containsExactly(3, 0));
    }

    @Test
    void aSnapshotRestoresEveryFigureAndReservation() {
        InventoryItem item = new InventoryItem();
        item.on(registered(10));
        item.on(new StockReservedEvent(SKU, ORDER, 3, PRICE));
        item.on(new StockReservedEvent(SKU, OTHER_ORDER, 2, PRICE));
        item.on(new StockShippedEvent(SKU, OTHER_ORDER, 2));
        item.on(new StockRestockedEvent(SKU, 4));

        var serializer = com.runway.shared.MessageSerialization.stateSerializer();
        InventoryItem restored = serializer.deserialize(serializer.serialize(item, byte[].class));

        assertThat(restored).usingRecursiveComparison().isEqualTo(item);
        assertThat(restored).extracting("onHand", "reserved").containsExactly(12, 3);
        assertThat(restored).extracting("reservations").asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsExactly(org.assertj.core.api.Assertions.entry(ORDER, 3));
    }

    @Test
    void shippingForAnOrderThatHoldsNothingIsAConflict() {
        fixture.given(registered(5))
                .when(new ShipStockCommand(SKU, ORDER))
                .expectNoEvents()
                .expectExceptionDetails(new CommandRejection(CommandRejection.Kind.CONFLICT,
                        "order order-1 holds no stock of TSHIRT-RED-M"));
    }
}
