package com.runway.fulfilment.saga;

import com.runway.inventory.api.ReleaseStockCommand;
import com.runway.inventory.api.ReserveStockCommand;
import com.runway.inventory.api.ShipStockCommand;
import com.runway.inventory.api.Sku;
import com.runway.inventory.api.StockRejectionReason;
import com.runway.inventory.api.StockReservationRejectedEvent;
import com.runway.inventory.api.StockReservedEvent;
import com.runway.order.api.SalesChannel;
import com.runway.order.api.OrderForceCancellationRequestedEvent;
import com.runway.order.api.CancelOrderCommand;
import com.runway.order.api.ConfirmOrderCommand;
import com.runway.order.api.CustomerId;
import com.runway.order.api.MarkOrderDeliveredCommand;
import com.runway.order.api.MarkOrderShippedCommand;
import com.runway.order.api.OrderCancellationRequestedEvent;
import com.runway.order.api.OrderId;
import com.runway.order.api.OrderLine;
import com.runway.order.api.OrderPlacedEvent;
import com.runway.order.api.PriceOrderCommand;
import com.runway.order.api.PricedOrderLine;
import com.runway.order.api.RejectOrderCommand;
import com.runway.order.api.OrderRejectedEvent;
import com.runway.order.api.RejectionReason;
import com.runway.order.api.ShippingAddress;
import com.runway.payment.api.AuthorisePaymentCommand;
import com.runway.payment.api.CapturePaymentCommand;
import com.runway.payment.api.PaymentAuthorisationRequestedEvent;
import com.runway.payment.api.PaymentAuthorisedEvent;
import com.runway.payment.api.PaymentDeclinedEvent;
import com.runway.payment.api.PaymentId;
import com.runway.payment.api.VoidPaymentCommand;
import com.runway.shared.Money;
import com.runway.shipping.api.CancelShipmentCommand;
import com.runway.shipping.api.RequestShipmentCommand;
import com.runway.shipping.api.ShipmentCancelledEvent;
import com.runway.shipping.api.ShipmentCreatedEvent;
import com.runway.shipping.api.ShipmentDeliveredEvent;
import com.runway.shipping.api.ShipmentDispatchedEvent;
import com.runway.shipping.api.ShipmentId;
import com.runway.shipping.api.ShipmentRefusedEvent;
import org.axonframework.test.saga.ContinuedGivenState;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

class FulfilmentSagaTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final OrderId ORDER = new OrderId("order-1");
    private static final String ORDER_AGG = ORDER.value();
    private static final Sku SHIRT = new Sku("TSHIRT-RED-M");
    private static final Sku SCARF = new Sku("SCARF-BLUE");
    private static final Money SHIRT_PRICE = Money.of("19.99", "EUR");
    private static final Money SCARF_PRICE = Money.of("5.00", "EUR");
    private static final ShippingAddress ADDRESS = new ShippingAddress("Ana Silva", "Rua Augusta 1", "Lisboa", "1100-048", "PT");
    private static final List<OrderLine> LINES = List.of(new OrderLine(SHIRT, 2), new OrderLine(SCARF, 1));
    private static final PaymentId PAYMENT = new PaymentId("pay-order-1");
    private static final ShipmentId SHIPMENT = new ShipmentId("shp-order-1");
    private static final List<PricedOrderLine> PRICED = List.of(
            new PricedOrderLine(SHIRT, 2, SHIRT_PRICE), new PricedOrderLine(SCARF, 1, SCARF_PRICE));
    private static final Money TOTAL = Money.of("44.98", "EUR");

    private SagaTestFixture<FulfilmentSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(FulfilmentSaga.class);
        fixture.registerResource(new FulfilmentSettings(TIMEOUT));
        fixture.registerResource(NoTransactionManager.instance());
    }

    private static OrderPlacedEvent placed() {
        return new OrderPlacedEvent(ORDER, new CustomerId("customer-7"), LINES, ADDRESS, "tok_visa", "fp", SalesChannel.WEB);
    }

    private static StockReservedEvent shirtReserved() {
        return new StockReservedEvent(SHIRT, ORDER, 2, SHIRT_PRICE);
    }

    private static StockReservedEvent scarfReserved() {
        return new StockReservedEvent(SCARF, ORDER, 1, SCARF_PRICE);
    }

    private static PaymentAuthorisedEvent authorised() {
        return new PaymentAuthorisedEvent(PAYMENT, ORDER, TOTAL, "AUTH-1");
    }

    private static ShipmentCreatedEvent shipmentCreated() {
        return new ShipmentCreatedEvent(SHIPMENT, ORDER, "PT");
    }

    private static ReleaseStockCommand[] releaseBoth() {
        return new ReleaseStockCommand[]{new ReleaseStockCommand(SHIRT, ORDER), new ReleaseStockCommand(SCARF, ORDER)};
    }

    @Test
    void aPlacedOrderReservesStockForEveryLine() {
        fixture.givenNoPriorActivity()
                .whenAggregate(ORDER_AGG).publishes(placed())
                .expectActiveSagas(1)
                .expectAssociationWith("orderId", ORDER.value())
                .expectDispatchedCommands(new ReserveStockCommand(SHIRT, ORDER, 2), new ReserveStockCommand(SCARF, ORDER, 1))
                .expectNoScheduledDeadlines();
    }

    @Test
    void nothingMovesUntilEveryLineHasAnswered() {
        fixture.givenAggregate(ORDER_AGG).published(placed())
                .whenAggregate(SHIRT.value()).publishes(shirtReserved())
                .expectNoDispatchedCommands();
    }

    @Test
    void whenEveryLineIsReservedTheOrderIsPricedAndTheTotalAuthorisedAgainstADeadline() {
        fixture.givenAggregate(ORDER_AGG).published(placed())
                .andThenAggregate(SHIRT.value()).published(shirtReserved())
                .whenAggregate(SCARF.value()).publishes(scarfReserved())
                .expectDispatchedCommands(
                        new PriceOrderCommand(ORDER, PRICED, TOTAL),
                        new AuthorisePaymentCommand(PAYMENT, ORDER, TOTAL, "tok_visa"))
                .expectScheduledDeadlineWithName(TIMEOUT, FulfilmentSaga.PAYMENT_TIMEOUT);
    }

    @Test
    void anOperatorsForceCancelStopsTheProcessAndItsPaymentTimeoutLeavingTheRepairToOthers() {
        fixture.givenAggregate(ORDER_AGG).published(placed())
                .andThenAggregate(SHIRT.value()).published(shirtReserved())
                .andThenAggregate(SCARF.value()).published(scarfReserved())
                .whenAggregate(ORDER_AGG).publishes(new OrderForceCancellationRequestedEvent(ORDER, List.of(SHIRT, SCARF), "stuck"))
                .expectNoDispatchedCommands()
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }

    @Test
    void anAuthorisedPaymentBooksTheShipmentAndClearsTheDeadline() {
        fixture.givenAggregate(ORDER_AGG).published(placed())
                .andThenAggregate(SHIRT.value()).published(shirtReserved())
                .andThenAggregate(SCARF.value()).published(scarfReserved())
                .whenAggregate(PAYMENT.value()).publishes(authorised())
                .expectDispatchedCommands(new RequestShipmentCommand(SHIPMENT, ORDER, ADDRESS, LINES))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aBookedShipmentConfirmsTheOrderWithItsPaymentAndShipment() {
        givenAuthorised()
                .whenAggregate(SHIPMENT.value()).publishes(shipmentCreated())
                .expectDispatchedCommands(new ConfirmOrderCommand(ORDER, PAYMENT, SHIPMENT))
                .expectActiveSagas(1);
    }

    @Test
    void dispatchCapturesThePaymentShipsTheStockAndMarksTheOrderShipped() {
        givenAuthorised()
                .andThenAggregate(SHIPMENT.value()).published(shipmentCreated())
                .whenAggregate(SHIPMENT.value()).publishes(new ShipmentDispatchedEvent(SHIPMENT, ORDER))
                .expectDispatchedCommands(
                        new CapturePaymentCommand(PAYMENT),
                        new ShipStockCommand(SHIRT, ORDER), new ShipStockCommand(SCARF, ORDER),
                        new MarkOrderShippedCommand(ORDER));
    }

    @Test
    void deliveryMarksTheOrderDeliveredAndEndsTheSaga() {
        givenAuthorised()
                .andThenAggregate(SHIPMENT.value()).published(shipmentCreated(), new ShipmentDispatchedEvent(SHIPMENT, ORDER))
                .whenAggregate(SHIPMENT.value()).publishes(new ShipmentDeliveredEvent(SHIPMENT, ORDER))
                .expectDispatchedCommands(new MarkOrderDeliveredCommand(ORDER))
                .expectActiveSagas(0);
    }

    @Test
    void aLineOutOfStockReleasesTheOtherLinesAndRejectsTheOrder() {
        fixture.givenAggregate(ORDER_AGG).published(placed())
                .andThenAggregate(SHIRT.value()).published(shirtReserved())
                .whenAggregate(SCARF.value()).publishes(
                        new StockReservationRejectedEvent(SCARF, ORDER, 1, StockRejectionReason.OUT_OF_STOCK))
                .expectDispatchedCommands(
                        new ReleaseStockCommand(SHIRT, ORDER),
                        new RejectOrderCommand(ORDER, RejectionReason.OUT_OF_STOCK))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void anUnknownSkuRejectsTheOrderAsUnknownEvenWhenAnotherLineIsOutOfStock() {
        fixture.givenAggregate(ORDER_AGG).published(placed())
                .andThenAggregate(SHIRT.value()).published(
                        new StockReservationRejectedEvent(SHIRT, ORDER, 2, StockRejectionReason.OUT_OF_STOCK))
                .whenPublishingA(new StockReservationRejectedEvent(SCARF, ORDER, 1, StockRejectionReason.UNKNOWN_SKU))
                .expectDispatchedCommands(new RejectOrderCommand(ORDER, RejectionReason.UNKNOWN_SKU))
                .expectActiveSagas(0);
    }

    @Test
    void aDeclinedPaymentReleasesAllStockAndRejectsTheOrder() {
        givenAuthorisationRequested()
                .whenAggregate(PAYMENT.value()).publishes(new PaymentDeclinedEvent(PAYMENT, ORDER, "card_declined"))
                .expectDispatchedCommands(releaseBoth()[0], releaseBoth()[1],
                        new RejectOrderCommand(ORDER, RejectionReason.PAYMENT_DECLINED))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }

    @Test
    void aProviderSilentPastTheTimeoutIsVoidedAndTheOrderRejected() {
        givenAuthorisationRequested()
                .whenTimeElapses(TIMEOUT)
                .expectDispatchedCommands(new VoidPaymentCommand(PAYMENT), new RejectOrderCommand(ORDER, RejectionReason.PAYMENT_TIMEOUT))
                .expectActiveSagas(1);
    }

    @Test
    void theStockOfATimedOutOrderIsReleasedWhenItsRejectionArrives() throws Exception {
        givenAuthorisationRequested()
                .andThenTimeElapses(TIMEOUT)
                .whenAggregate(ORDER_AGG).publishes(new OrderRejectedEvent(ORDER, RejectionReason.PAYMENT_TIMEOUT))
                .expectDispatchedCommands(releaseBoth()[0], releaseBoth()[1])
                .expectActiveSagas(0);
    }

    @Test
    void anAuthorisationArrivingAfterTheTimeoutIsIgnored() throws Exception {
        givenAuthorisationRequested()
                .andThenTimeElapses(TIMEOUT)
                .whenAggregate(PAYMENT.value()).publishes(new PaymentAuthorisedEvent(PAYMENT, ORDER, TOTAL, "AUTH-LATE"))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    @Test
    void aCancellationWhileTheTimeoutRejectsTheOrderLeavesItToTheRejection() throws Exception {
        givenAuthorisationRequested()
                .andThenTimeElapses(TIMEOUT)
                .whenAggregate(ORDER_AGG).publishes(new OrderCancellationRequestedEvent(ORDER))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    @Test
    void aProviderAnsweringBeforeTheTimeoutMeansTheDeadlineNeverFires() {
        givenAuthorised()
                .whenTimeElapses(TIMEOUT.plusSeconds(1))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    @Test
    void aRefusedShipmentVoidsThePaymentReleasesStockAndRejectsTheOrder() {
        givenAuthorised()
                .whenAggregate(SHIPMENT.value()).publishes(
                        new ShipmentRefusedEvent(SHIPMENT, ORDER, "JP", "the carrier does not deliver to JP"))
                .expectDispatchedCommands(new VoidPaymentCommand(PAYMENT), releaseBoth()[0], releaseBoth()[1],
                        new RejectOrderCommand(ORDER, RejectionReason.UNDELIVERABLE_ADDRESS))
                .expectActiveSagas(0);
    }

    @Test
    void cancellingAConfirmedOrderFirstWithdrawsTheShipment() {
        givenAuthorised()
                .andThenAggregate(SHIPMENT.value()).published(shipmentCreated())
                .whenAggregate(ORDER_AGG).publishes(new OrderCancellationRequestedEvent(ORDER))
                .expectDispatchedCommands(new CancelShipmentCommand(SHIPMENT))
                .expectActiveSagas(1);
    }

    @Test
    void onceTheShipmentIsWithdrawnThePaymentIsVoidedTheStockReleasedAndTheOrderCancelled() {
        givenAuthorised()
                .andThenAggregate(SHIPMENT.value()).published(shipmentCreated())
                .andThenAggregate(ORDER_AGG).published(new OrderCancellationRequestedEvent(ORDER))
                .whenAggregate(SHIPMENT.value()).publishes(new ShipmentCancelledEvent(SHIPMENT, ORDER))
                .expectDispatchedCommands(new VoidPaymentCommand(PAYMENT),
                        releaseBoth()[0], releaseBoth()[1], new CancelOrderCommand(ORDER))
                .expectActiveSagas(0);
    }

    @Test
    void aParcelCollectedBeforeTheWithdrawalShipsTheOrderInstead() {
        givenAuthorised()
                .andThenAggregate(SHIPMENT.value()).published(shipmentCreated())
                .andThenAggregate(ORDER_AGG).published(new OrderCancellationRequestedEvent(ORDER))
                .whenAggregate(SHIPMENT.value()).publishes(new ShipmentDispatchedEvent(SHIPMENT, ORDER))
                .expectDispatchedCommands(
                        new CapturePaymentCommand(PAYMENT),
                        new ShipStockCommand(SHIRT, ORDER), new ShipStockCommand(SCARF, ORDER),
                        new MarkOrderShippedCommand(ORDER))
                .expectActiveSagas(1);
    }

    @Test
    void cancellingWhileTheShipmentIsBeingBookedWaitsForTheBookingThenWithdrawsIt() {
        givenAuthorised()
                .andThenAggregate(ORDER_AGG).published(new OrderCancellationRequestedEvent(ORDER))
                .whenAggregate(SHIPMENT.value()).publishes(shipmentCreated())
                .expectDispatchedCommands(new CancelShipmentCommand(SHIPMENT))
                .expectActiveSagas(1);
    }

    @Test
    void cancellingWhileTheShipmentIsBeingBookedAndTheCarrierRefusesEndsInCancelled() {
        givenAuthorised()
                .andThenAggregate(ORDER_AGG).published(new OrderCancellationRequestedEvent(ORDER))
                .whenAggregate(SHIPMENT.value()).publishes(
                        new ShipmentRefusedEvent(SHIPMENT, ORDER, "JP", "the carrier does not deliver to JP"))
                .expectDispatchedCommands(new VoidPaymentCommand(PAYMENT),
                        releaseBoth()[0], releaseBoth()[1], new CancelOrderCommand(ORDER))
                .expectActiveSagas(0);
    }

    @Test
    void cancellationAfterDispatchChangesNothing() {
        givenAuthorised()
                .andThenAggregate(SHIPMENT.value()).published(shipmentCreated(), new ShipmentDispatchedEvent(SHIPMENT, ORDER))
                .whenAggregate(ORDER_AGG).publishes(new OrderCancellationRequestedEvent(ORDER))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    @Test
    void cancellingWhileTheProviderIsSilentVoidsAndClearsTheDeadline() {
        givenAuthorisationRequested()
                .whenAggregate(ORDER_AGG).publishes(new OrderCancellationRequestedEvent(ORDER))
                .expectDispatchedCommands(new VoidPaymentCommand(PAYMENT),
                        releaseBoth()[0], releaseBoth()[1], new CancelOrderCommand(ORDER))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }

    @Test
    void cancellingWhileReservationsAreOutstandingWaitsForThemAndReleasesWhatTheyHeld() {
        fixture.givenAggregate(ORDER_AGG).published(placed())
                .andThenAggregate(SHIRT.value()).published(shirtReserved())
                .andThenAggregate(ORDER_AGG).published(new OrderCancellationRequestedEvent(ORDER))
                .whenAggregate(SCARF.value()).publishes(scarfReserved())
                .expectDispatchedCommands(releaseBoth()[0], releaseBoth()[1], new CancelOrderCommand(ORDER))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }

    @Test
    void theCancellationRequestItselfSendsNothingWhileReservationsAreOutstanding() {
        fixture.givenAggregate(ORDER_AGG).published(placed())
                .whenAggregate(ORDER_AGG).publishes(new OrderCancellationRequestedEvent(ORDER))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    private ContinuedGivenState givenAuthorisationRequested() {
        return fixture.givenAggregate(ORDER_AGG).published(placed())
                .andThenAggregate(SHIRT.value()).published(shirtReserved())
                .andThenAggregate(SCARF.value()).published(scarfReserved())
                .andThenAggregate(PAYMENT.value()).published(new PaymentAuthorisationRequestedEvent(PAYMENT, ORDER, TOTAL));
    }

    private ContinuedGivenState givenAuthorised() {
        return givenAuthorisationRequested().andThenAggregate(PAYMENT.value()).published(authorised());
    }
}
