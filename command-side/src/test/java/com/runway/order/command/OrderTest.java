package com.runway.order.command;

import com.runway.inventory.api.Sku;
import com.runway.order.api.SalesChannel;
import com.runway.order.api.OrderForceCancellationRequestedEvent;
import com.runway.order.api.ForceCancelOrderCommand;
import com.runway.order.api.CancelOrderCommand;
import com.runway.order.api.ConfirmOrderCommand;
import com.runway.order.api.CustomerId;
import com.runway.order.api.MarkOrderDeliveredCommand;
import com.runway.order.api.MarkOrderShippedCommand;
import com.runway.order.api.OrderCancellationRequestedEvent;
import com.runway.order.api.OrderCancelledEvent;
import com.runway.order.api.OrderConfirmedEvent;
import com.runway.order.api.OrderDeliveredEvent;
import com.runway.order.api.OrderId;
import com.runway.order.api.OrderLine;
import com.runway.order.api.OrderPlacedEvent;
import com.runway.order.api.OrderPricedEvent;
import com.runway.order.api.OrderRejectedEvent;
import com.runway.order.api.OrderShippedEvent;
import com.runway.order.api.PlaceOrderCommand;
import com.runway.order.api.PriceOrderCommand;
import com.runway.order.api.PricedOrderLine;
import com.runway.order.api.RejectOrderCommand;
import com.runway.order.api.RejectionReason;
import com.runway.order.api.RequestOrderCancellationCommand;
import com.runway.order.api.ShippingAddress;
import com.runway.payment.api.PaymentId;
import com.runway.shared.CommandRejection;
import com.runway.shared.Money;
import com.runway.shipping.api.ShipmentId;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

class OrderTest {

    private static final OrderId ORDER = new OrderId("order-1");
    private static final CustomerId CUSTOMER = new CustomerId("customer-7");
    private static final List<OrderLine> LINES = List.of(new OrderLine(new Sku("TSHIRT-RED-M"), 2));
    private static final ShippingAddress ADDRESS = new ShippingAddress("Ana Silva", "Rua Augusta 1", "Lisboa", "1100-048", "PT");
    private static final PaymentId PAYMENT = new PaymentId("pay-1");
    private static final ShipmentId SHIPMENT = new ShipmentId("ship-1");

    private AggregateTestFixture<Order> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Order.class);
    }

    private static PlaceOrderCommand place(List<OrderLine> lines, ShippingAddress address, String fingerprint) {
        return new PlaceOrderCommand(ORDER, CUSTOMER, lines, address, "tok_visa", fingerprint, SalesChannel.APP);
    }

    private static OrderPlacedEvent placed() {
        return new OrderPlacedEvent(ORDER, CUSTOMER, LINES, ADDRESS, "tok_visa", "fp-1", SalesChannel.APP);
    }

    private static OrderConfirmedEvent confirmed() {
        return new OrderConfirmedEvent(ORDER, PAYMENT, SHIPMENT);
    }

    private static CommandRejection conflict(String message) {
        return new CommandRejection(CommandRejection.Kind.CONFLICT, message);
    }

    @Test
    void anOperatorCanForceTheCancellationOfAnOrderNotYetShipped() {
        fixture.given(placed())
                .when(new ForceCancelOrderCommand(ORDER, "provider never answered"))
                .expectEvents(new OrderForceCancellationRequestedEvent(ORDER, List.of(new Sku("TSHIRT-RED-M")), "provider never answered"));
        fixture.given(placed(), confirmed())
                .when(new ForceCancelOrderCommand(ORDER, "customer called"))
                .expectEvents(new OrderForceCancellationRequestedEvent(ORDER, List.of(new Sku("TSHIRT-RED-M")), "customer called"));
    }

    @Test
    void aForceCancelledOrderCanThenBeCancelled() {
        fixture.given(placed(), new OrderForceCancellationRequestedEvent(ORDER, List.of(new Sku("TSHIRT-RED-M")), "stuck"))
                .when(new CancelOrderCommand(ORDER))
                .expectEvents(new OrderCancelledEvent(ORDER));
    }

    @Test
    void anOrderAlreadyShippedOrEndedCannotBeForceCancelled() {
        fixture.given(placed(), confirmed(), new OrderShippedEvent(ORDER))
                .when(new ForceCancelOrderCommand(ORDER, "too late"))
                .expectNoEvents()
                .expectExceptionDetails(new CommandRejection(CommandRejection.Kind.CONFLICT,
                        "order order-1 is SHIPPED and can no longer be force-cancelled"));
        fixture.given(placed(), new OrderRejectedEvent(ORDER, RejectionReason.OUT_OF_STOCK))
                .when(new ForceCancelOrderCommand(ORDER, "already over"))
                .expectNoEvents()
                .expectExceptionDetails(new CommandRejection(CommandRejection.Kind.CONFLICT,
                        "order order-1 is REJECTED and can no longer be force-cancelled"));
    }

    @Test
    void placingAnOrderRecordsItsLinesAddressAndToken() {
        fixture.givenNoPriorActivity()
                .when(place(LINES, ADDRESS, "fp-1"))
                .expectEvents(placed());
    }

    @Test
    void anOrderUnderAJustGeneratedIdIsPlacedWithoutLookingForAnEarlierOne() {
        fixture.givenNoPriorActivity()
                .when(place(LINES, ADDRESS, "fp-1").underNewId())
                .expectEvents(placed());
    }

    @Test
    void anOrderUnderAJustGeneratedIdObeysThePlacementRules() {
        fixture.givenNoPriorActivity()
                .when(place(List.of(), ADDRESS, "fp-1").underNewId())
                .expectNoEvents()
                .expectExceptionMessage("an order has 1 to 50 lines");
    }

    @Test
    void anIdThatTurnsOutTakenNeverGetsASecondOrder() {
        fixture.given(placed())
                .when(place(LINES, ADDRESS, "fp-2").underNewId())
                .expectNoEvents()
                .expectException(EventStoreException.class);
    }

    @Test
    void retryingTheSameRequestUnderTheSameKeyPlacesNothingNew() {
        fixture.given(placed())
                .when(place(LINES, ADDRESS, "fp-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void reusingAKeyForADifferentRequestIsUnprocessable() {
        fixture.given(placed())
                .when(place(LINES, ADDRESS, "fp-2"))
                .expectNoEvents()
                .expectExceptionDetails(new CommandRejection(CommandRejection.Kind.UNPROCESSABLE,
                        "this Idempotency-Key was already used for a different order"));
    }

    @Test
    void anOrderNeedsOneToFiftyLines() {
        fixture.givenNoPriorActivity().when(place(List.of(), ADDRESS, "fp"))
                .expectNoEvents().expectExceptionMessage("an order has 1 to 50 lines");
        List<OrderLine> tooMany = new java.util.ArrayList<>();
        for (int i = 0; i < 51; i++) {
            tooMany.add(new OrderLine(new Sku("SKU-" + i), 1));
        }
        fixture.givenNoPriorActivity().when(place(tooMany, ADDRESS, "fp"))
                .expectNoEvents().expectExceptionMessage("an order has 1 to 50 lines");
    }

    @Test
    void aLineNeedsOneToAHundredUnits() {
        fixture.givenNoPriorActivity().when(place(List.of(new OrderLine(new Sku("A"), 0)), ADDRESS, "fp"))
                .expectNoEvents().expectExceptionMessage("quantity of A must be 1 to 100");
        fixture.givenNoPriorActivity().when(place(List.of(new OrderLine(new Sku("A"), 101)), ADDRESS, "fp"))
                .expectNoEvents().expectExceptionMessage("quantity of A must be 1 to 100");
    }

    @Test
    void aSkuMayAppearOnOneLineOnly() {
        fixture.givenNoPriorActivity()
                .when(place(List.of(new OrderLine(new Sku("A"), 1), new OrderLine(new Sku("A"), 2)), ADDRESS, "fp"))
                .expectNoEvents().expectExceptionMessage("sku A appears on more than one line");
    }

    @Test
    void anAddressNeedsEveryFieldAndAnIsoCountry() {
        fixture.givenNoPriorActivity()
                .when(place(LINES, new ShippingAddress("Ana", "", "Lisboa", "1100", "PT"), "fp"))
                .expectNoEvents().expectExceptionMessage("shippingAddress.street must be 1 to 200 characters");
        fixture.givenNoPriorActivity()
                .when(place(LINES, new ShippingAddress("Ana", "Rua", "Lisboa", "1100", "Portugal"), "fp"))
                .expectNoEvents().expectExceptionMessage("shippingAddress.country must be an ISO 3166-1 alpha-2 code");
    }

    @Test
    void pricingRecordsTheReservedPricesOnce() {
        List<PricedOrderLine> priced = List.of(new PricedOrderLine(new Sku("TSHIRT-RED-M"), 2, Money.of("19.99", "EUR")));
        fixture.given(placed())
                .when(new PriceOrderCommand(ORDER, priced, Money.of("39.98", "EUR")))
                .expectEvents(new OrderPricedEvent(ORDER, priced, Money.of("39.98", "EUR")));
        fixture.given(placed(), new OrderPricedEvent(ORDER, priced, Money.of("39.98", "EUR")))
                .when(new PriceOrderCommand(ORDER, priced, Money.of("39.98", "EUR")))
                .expectNoEvents();
    }

    @Test
    void aPlacedOrderIsConfirmedWithItsPaymentAndShipment() {
        fixture.given(placed())
                .when(new ConfirmOrderCommand(ORDER, PAYMENT, SHIPMENT))
                .expectEvents(confirmed());
    }

    @Test
    void aRejectedOrderCannotBeConfirmed() {
        fixture.given(placed(), new OrderRejectedEvent(ORDER, RejectionReason.OUT_OF_STOCK))
                .when(new ConfirmOrderCommand(ORDER, PAYMENT, SHIPMENT))
                .expectNoEvents()
                .expectExceptionDetails(conflict("order order-1 is REJECTED and can no longer be confirmed"));
    }

    @Test
    void aConfirmedOrderShipsAndThenIsDelivered() {
        fixture.given(placed(), confirmed())
                .when(new MarkOrderShippedCommand(ORDER))
                .expectEvents(new OrderShippedEvent(ORDER));
        fixture.given(placed(), confirmed(), new OrderShippedEvent(ORDER))
                .when(new MarkOrderDeliveredCommand(ORDER))
                .expectEvents(new OrderDeliveredEvent(ORDER));
    }

    @Test
    void anOrderCannotBeDeliveredBeforeItShips() {
        fixture.given(placed(), confirmed())
                .when(new MarkOrderDeliveredCommand(ORDER))
                .expectNoEvents()
                .expectExceptionDetails(conflict("order order-1 is CONFIRMED and can no longer be delivered"));
    }

    @Test
    void repeatingAStepAlreadyTakenChangesNothing() {
        fixture.given(placed(), confirmed(), new OrderShippedEvent(ORDER))
                .when(new MarkOrderShippedCommand(ORDER))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(placed(), new OrderRejectedEvent(ORDER, RejectionReason.PAYMENT_DECLINED))
                .when(new RejectOrderCommand(ORDER, RejectionReason.PAYMENT_DECLINED))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void aPlacedOrderIsRejectedWithItsReason() {
        fixture.given(placed())
                .when(new RejectOrderCommand(ORDER, RejectionReason.UNKNOWN_SKU))
                .expectEvents(new OrderRejectedEvent(ORDER, RejectionReason.UNKNOWN_SKU));
    }

    @Test
    void aConfirmedOrderCannotBeRejected() {
        fixture.given(placed(), confirmed())
                .when(new RejectOrderCommand(ORDER, RejectionReason.PAYMENT_TIMEOUT))
                .expectNoEvents()
                .expectExceptionDetails(conflict("order order-1 is CONFIRMED and can no longer be rejected"));
    }

    @Test
    void cancellationMayBeRequestedUntilTheOrderShipsAndOnlyOnce() {
        fixture.given(placed()).when(new RequestOrderCancellationCommand(ORDER))
                .expectEvents(new OrderCancellationRequestedEvent(ORDER));
        fixture.given(placed(), confirmed()).when(new RequestOrderCancellationCommand(ORDER))
                .expectEvents(new OrderCancellationRequestedEvent(ORDER));
        fixture.given(placed(), new OrderCancellationRequestedEvent(ORDER)).when(new RequestOrderCancellationCommand(ORDER))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void cancellationOfAShippedOrTerminalOrderIsAConflict() {
        fixture.given(placed(), confirmed(), new OrderShippedEvent(ORDER))
                .when(new RequestOrderCancellationCommand(ORDER))
                .expectNoEvents()
                .expectExceptionDetails(conflict("order order-1 is SHIPPED and can no longer be cancelled"));
        fixture.given(placed(), new OrderCancelledEvent(ORDER))
                .when(new RequestOrderCancellationCommand(ORDER))
                .expectNoEvents()
                .expectExceptionDetails(conflict("order order-1 is CANCELLED and can no longer be cancelled"));
    }

    @Test
    void aCancellationRequestEndsInACancelledOrder() {
        fixture.given(placed(), confirmed(), new OrderCancellationRequestedEvent(ORDER))
                .when(new CancelOrderCommand(ORDER))
                .expectEvents(new OrderCancelledEvent(ORDER));
    }

    @Test
    void anUnknownOrderIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new ConfirmOrderCommand(ORDER, PAYMENT, SHIPMENT))
                .expectException(org.axonframework.modelling.command.AggregateNotFoundException.class);
    }
}
