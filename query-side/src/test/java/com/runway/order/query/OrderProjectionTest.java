package com.runway.order.query;

import com.runway.queryside.ReadModelCollections;
import com.runway.inventory.api.Sku;
import com.runway.order.api.SalesChannel;
import com.runway.order.api.CustomerId;
import com.runway.order.api.FindOrderQuery;
import com.runway.order.api.ListOrdersQuery;
import com.runway.order.api.OrderConfirmedEvent;
import com.runway.order.api.OrderId;
import com.runway.order.api.OrderLine;
import com.runway.order.api.OrderLineView;
import com.runway.order.api.OrderPlacedEvent;
import com.runway.order.api.OrderPricedEvent;
import com.runway.order.api.OrderRejectedEvent;
import com.runway.order.api.OrderStatus;
import com.runway.order.api.OrderView;
import com.runway.order.api.PricedOrderLine;
import com.runway.order.api.RejectionReason;
import com.runway.order.api.ShippingAddress;
import com.runway.payment.api.PaymentId;
import com.runway.queryside.EmbeddedMongo;
import com.runway.shared.Money;
import com.runway.shipping.api.ShipmentId;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

class OrderProjectionTest {

    @RegisterExtension
    final EmbeddedMongo mongo = new EmbeddedMongo();

    private static final OrderId ORDER = new OrderId("order-1");
    private static final CustomerId CUSTOMER = new CustomerId("customer-7");
    private static final Sku SHIRT = new Sku("TSHIRT-RED-M");
    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
    private static final Instant T1 = Instant.parse("2026-11-29T10:00:05Z");

    private ReadModelCollections collections;
    private OrderReadModel readModel;
    private OrderProjection projection;
    private QueryUpdateEmitter emitter;

    @BeforeEach
    void setUp() {
        collections = new ReadModelCollections(mongo.database());
        readModel = new OrderReadModel(collections);
        emitter = mock(QueryUpdateEmitter.class);
        projection = new OrderProjection(readModel, emitter);
    }

    private static OrderPlacedEvent placed(OrderId id) {
        return new OrderPlacedEvent(id, CUSTOMER, List.of(new OrderLine(SHIRT, 2)),
                new ShippingAddress("Ana", "Rua Augusta 1", "Lisboa", "1100-048", "PT"), "tok_visa", "fp", SalesChannel.WEB);
    }

    @Test
    void aPlacedOrderIsReadableWithItsLinesUnpriced() {
        projection.on(placed(ORDER), 0, T0, ReplayStatus.REGULAR);

        OrderView view = new OrderQueryHandler(readModel).handle(new FindOrderQuery(ORDER)).orElseThrow();
        assertThat(view.status()).isEqualTo(OrderStatus.PLACED);
        assertThat(view.customerId()).isEqualTo(CUSTOMER);
        assertThat(view.lines()).containsExactly(new OrderLineView(SHIRT, 2, null));
        assertThat(view.total()).isNull();
        assertThat(view.placedAt()).isEqualTo(T0);
    }

    @Test
    void pricingAndConfirmationFillInTotalPaymentAndShipment() {
        projection.on(placed(ORDER), 0, T0, ReplayStatus.REGULAR);
        projection.on(new OrderPricedEvent(ORDER, List.of(new PricedOrderLine(SHIRT, 2, Money.of("19.99", "EUR"))),
                Money.of("39.98", "EUR")), 1, T0, ReplayStatus.REGULAR);
        projection.on(new OrderConfirmedEvent(ORDER, new PaymentId("pay-1"), new ShipmentId("shp-1")), 2, T1, ReplayStatus.REGULAR);

        OrderView view = readModel.find(ORDER).orElseThrow();
        assertThat(view.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(view.lines()).containsExactly(new OrderLineView(SHIRT, 2, Money.of("19.99", "EUR")));
        assertThat(view.total()).isEqualTo(Money.of("39.98", "EUR"));
        assertThat(view.paymentId()).isEqualTo(new PaymentId("pay-1"));
        assertThat(view.shipmentId()).isEqualTo(new ShipmentId("shp-1"));
        assertThat(view.updatedAt()).isEqualTo(T1);
    }

    @Test
    void anEventDeliveredTwiceIsAppliedOnceAndSubscribersNeverSeeItAppliedAgain() {
        projection.on(placed(ORDER), 0, T0, ReplayStatus.REGULAR);
        OrderRejectedEvent rejected = new OrderRejectedEvent(ORDER, RejectionReason.OUT_OF_STOCK);
        projection.on(rejected, 1, T1, ReplayStatus.REGULAR);
        projection.on(rejected, 1, T1.plusSeconds(60), ReplayStatus.REGULAR);

        OrderView view = readModel.find(ORDER).orElseThrow();
        assertThat(view.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(view.rejectionReason()).isEqualTo(RejectionReason.OUT_OF_STOCK);
        assertThat(view.updatedAt()).isEqualTo(T1);
        ArgumentCaptor<OrderView> announced = ArgumentCaptor.forClass(OrderView.class);
        verify(emitter, times(3)).emit(eq(FindOrderQuery.class), any(Predicate.class), announced.capture());
        assertThat(announced.getAllValues()).extracting(OrderView::status, OrderView::updatedAt)
                .containsExactly(tuple(OrderStatus.PLACED, T0), tuple(OrderStatus.REJECTED, T1), tuple(OrderStatus.REJECTED, T1));
    }

    @Test
    void anOlderEventArrivingLateDoesNotOverwriteANewerState() {
        projection.on(placed(ORDER), 0, T0, ReplayStatus.REGULAR);
        projection.on(new OrderRejectedEvent(ORDER, RejectionReason.PAYMENT_DECLINED), 2, T1, ReplayStatus.REGULAR);
        projection.on(new OrderConfirmedEvent(ORDER, new PaymentId("pay-1"), new ShipmentId("shp-1")), 1, T0, ReplayStatus.REGULAR);

        assertThat(readModel.find(ORDER).orElseThrow().status()).isEqualTo(OrderStatus.REJECTED);
    }

    @Test
    void replayedEventsUpdateTheModelWithoutNotifyingSubscribers() {
        projection.on(placed(ORDER), 0, T0, ReplayStatus.REPLAY);
        assertThat(readModel.find(ORDER)).isPresent();
        verify(emitter, never()).emit(eq(FindOrderQuery.class), any(Predicate.class), any(Object.class));
    }

    @Test
    void aResetRebuildsBesideTheLiveModelWhichAnswersUntilTheRebuiltCopyReplacesIt() {
        OrderId replayed = new OrderId("order-replayed");
        projection.on(placed(ORDER), 0, T0, ReplayStatus.REGULAR);
        projection.reset();
        assertThat(readModel.find(ORDER)).as("still answered from the live copy").isPresent();

        projection.on(placed(replayed), 0, T0, ReplayStatus.REPLAY);
        assertThat(readModel.find(replayed)).as("the copy being rebuilt is not read yet").isEmpty();

        collections.named("orders").completeRebuild();
        assertThat(readModel.find(replayed)).isPresent();
        assertThat(readModel.find(ORDER)).as("the rebuilt copy holds only what was replayed").isEmpty();
    }

    @Test
    void ordersAreListedNewestFirstAndFilteredByCustomerAndStatus() {
        for (int i = 0; i < 5; i++) {
            OrderPlacedEvent event = i == 4
                    ? new OrderPlacedEvent(new OrderId("order-" + i), new CustomerId("someone-else"), placed(ORDER).lines(),
                    placed(ORDER).shippingAddress(), "tok_visa", "fp", SalesChannel.WEB)
                    : placed(new OrderId("order-" + i));
            projection.on(event, 0, T0.plusSeconds(i), ReplayStatus.REGULAR);
        }
        projection.on(new OrderRejectedEvent(new OrderId("order-1"), RejectionReason.OUT_OF_STOCK), 1, T1, ReplayStatus.REGULAR);
        OrderQueryHandler queries = new OrderQueryHandler(readModel);

        var firstPage = queries.handle(new ListOrdersQuery(CUSTOMER, null, 0, 2));
        assertThat(firstPage.total()).isEqualTo(4);
        assertThat(firstPage.items()).extracting(OrderView::orderId)
                .containsExactly(new OrderId("order-3"), new OrderId("order-2"));
        assertThat(queries.handle(new ListOrdersQuery(CUSTOMER, null, 1, 2)).items()).extracting(OrderView::orderId)
                .containsExactly(new OrderId("order-1"), new OrderId("order-0"));
        assertThat(queries.handle(new ListOrdersQuery(null, OrderStatus.REJECTED, 0, 10)).items()).extracting(OrderView::orderId)
                .containsExactly(new OrderId("order-1"));
    }
}
