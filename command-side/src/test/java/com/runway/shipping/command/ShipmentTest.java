package com.runway.shipping.command;

import com.runway.inventory.api.Sku;
import com.runway.order.api.OrderId;
import com.runway.order.api.OrderLine;
import com.runway.order.api.ShippingAddress;
import com.runway.shared.CommandRejection;
import com.runway.shipping.api.CancelShipmentCommand;
import com.runway.shipping.api.DeliverShipmentCommand;
import com.runway.shipping.api.DispatchShipmentCommand;
import com.runway.shipping.api.RequestShipmentCommand;
import com.runway.shipping.api.ShipmentCancelledEvent;
import com.runway.shipping.api.ShipmentCreatedEvent;
import com.runway.shipping.api.ShipmentDeliveredEvent;
import com.runway.shipping.api.ShipmentDispatchedEvent;
import com.runway.shipping.api.ShipmentId;
import com.runway.shipping.api.ShipmentRefusedEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

class ShipmentTest {

    private static final ShipmentId SHIPMENT = new ShipmentId("ship-1");
    private static final OrderId ORDER = new OrderId("order-1");
    private static final List<OrderLine> LINES = List.of(new OrderLine(new Sku("TSHIRT-RED-M"), 1));

    private AggregateTestFixture<Shipment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Shipment.class);
        fixture.registerInjectableResource(new ShippingPolicy(Set.of("PT", " es ")));
    }

    private static RequestShipmentCommand requestTo(String country) {
        return new RequestShipmentCommand(SHIPMENT, ORDER,
                new ShippingAddress("Ana", "Rua Augusta 1", "Lisboa", "1100-048", country), LINES);
    }

    private static CommandRejection conflict(String message) {
        return new CommandRejection(CommandRejection.Kind.CONFLICT, message);
    }

    @Test
    void aShipmentToACountryTheCarrierServesIsBooked() {
        fixture.givenNoPriorActivity()
                .when(requestTo("ES"))
                .expectEvents(new ShipmentCreatedEvent(SHIPMENT, ORDER, "ES"));
    }

    @Test
    void aShipmentElsewhereIsRefusedAsAnEvent() {
        fixture.givenNoPriorActivity()
                .when(requestTo("JP"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ShipmentRefusedEvent(SHIPMENT, ORDER, "JP", "the carrier does not deliver to JP"));
    }

    @Test
    void aBookedShipmentIsDispatchedThenDelivered() {
        fixture.given(new ShipmentCreatedEvent(SHIPMENT, ORDER, "PT"))
                .when(new DispatchShipmentCommand(SHIPMENT))
                .expectEvents(new ShipmentDispatchedEvent(SHIPMENT, ORDER));
        fixture.given(new ShipmentCreatedEvent(SHIPMENT, ORDER, "PT"), new ShipmentDispatchedEvent(SHIPMENT, ORDER))
                .when(new DeliverShipmentCommand(SHIPMENT))
                .expectEvents(new ShipmentDeliveredEvent(SHIPMENT, ORDER));
    }

    @Test
    void deliveryBeforeDispatchIsAConflict() {
        fixture.given(new ShipmentCreatedEvent(SHIPMENT, ORDER, "PT"))
                .when(new DeliverShipmentCommand(SHIPMENT))
                .expectNoEvents()
                .expectExceptionDetails(conflict("shipment ship-1 is CREATED and cannot be delivered"));
    }

    @Test
    void aRetriedCarrierCallbackChangesNothing() {
        fixture.given(new ShipmentCreatedEvent(SHIPMENT, ORDER, "PT"), new ShipmentDispatchedEvent(SHIPMENT, ORDER))
                .when(new DispatchShipmentCommand(SHIPMENT))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void aDeliveredShipmentCannotBeDispatchedAgain() {
        fixture.given(new ShipmentCreatedEvent(SHIPMENT, ORDER, "PT"), new ShipmentDispatchedEvent(SHIPMENT, ORDER),
                        new ShipmentDeliveredEvent(SHIPMENT, ORDER))
                .when(new DispatchShipmentCommand(SHIPMENT))
                .expectNoEvents()
                .expectExceptionDetails(conflict("shipment ship-1 is DELIVERED and cannot be dispatched"));
    }

    @Test
    void aBookedShipmentCanBeCancelledButNotOnceDispatched() {
        fixture.given(new ShipmentCreatedEvent(SHIPMENT, ORDER, "PT"))
                .when(new CancelShipmentCommand(SHIPMENT))
                .expectEvents(new ShipmentCancelledEvent(SHIPMENT, ORDER));
        fixture.given(new ShipmentCreatedEvent(SHIPMENT, ORDER, "PT"), new ShipmentDispatchedEvent(SHIPMENT, ORDER))
                .when(new CancelShipmentCommand(SHIPMENT))
                .expectNoEvents()
                .expectExceptionDetails(conflict("shipment ship-1 is DISPATCHED and cannot be cancelled"));
    }

    @Test
    void aCancelledShipmentCannotBeDispatched() {
        fixture.given(new ShipmentCreatedEvent(SHIPMENT, ORDER, "PT"), new ShipmentCancelledEvent(SHIPMENT, ORDER))
                .when(new DispatchShipmentCommand(SHIPMENT))
                .expectNoEvents()
                .expectExceptionDetails(conflict("shipment ship-1 is CANCELLED and cannot be dispatched"));
    }
}
