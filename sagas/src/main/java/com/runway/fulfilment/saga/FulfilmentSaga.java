package com.runway.fulfilment.saga;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.runway.inventory.api.ReleaseStockCommand;
import com.runway.inventory.api.ReserveStockCommand;
import com.runway.inventory.api.ShipStockCommand;
import com.runway.inventory.api.StockRejectionReason;
import com.runway.inventory.api.StockReservationRejectedEvent;
import com.runway.inventory.api.StockReservedEvent;
import com.runway.order.api.CancelOrderCommand;
import com.runway.order.api.ConfirmOrderCommand;
import com.runway.order.api.MarkOrderDeliveredCommand;
import com.runway.order.api.MarkOrderShippedCommand;
import com.runway.order.api.OrderCancellationRequestedEvent;
import com.runway.order.api.OrderId;
import com.runway.order.api.OrderLine;
import com.runway.order.api.OrderPlacedEvent;
import com.runway.order.api.OrderRejectedEvent;
import com.runway.order.api.PriceOrderCommand;
import com.runway.order.api.PricedOrderLine;
import com.runway.order.api.RejectOrderCommand;
import com.runway.order.api.RejectionReason;
import com.runway.order.api.ShippingAddress;
import com.runway.payment.api.AuthorisePaymentCommand;
import com.runway.payment.api.CapturePaymentCommand;
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
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import com.runway.fulfilment.api.FulfilmentView;
import com.runway.order.api.OrderForceCancellationRequestedEvent;
import org.axonframework.common.AxonTransientException;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.List;

/**
 * Drives one order through inventory, payment and shipping, and undoes what it took when a step
 * fails or the customer cancels. Every event it reacts to carries the order id, its one association.
 * The payment and shipment ids derive from the order id, so a handler run twice after a crash asks
 * for the same payment rather than a second one.
 */
@Saga
@ProcessingGroup(FulfilmentSaga.PROCESSING_GROUP)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class FulfilmentSaga {

    public static final String PROCESSING_GROUP = "FulfilmentSagaProcessor";
    static final String ORDER_ID = "orderId";
    static final String PAYMENT_TIMEOUT = "payment-timeout";
    private static final Logger log = LoggerFactory.getLogger(FulfilmentSaga.class);
    private static final int MAX_ATTEMPTS = 6;

    @Autowired
    private transient CommandGateway commandGateway;
    @Autowired
    private transient DeadlineManager deadlineManager;
    @Autowired
    private transient FulfilmentSettings settings;
    @Autowired
    private transient TransactionManager transactionManager;

    private OrderId orderId;
    private FulfilmentStep step;
    private List<OrderLine> lines = new ArrayList<>();
    private ShippingAddress shippingAddress;
    private String paymentToken;
    private List<PricedOrderLine> reserved = new ArrayList<>();
    private List<StockRejectionReason> reservationRejections = new ArrayList<>();
    private PaymentId paymentId;
    private String paymentTimeoutId;
    private ShipmentId shipmentId;
    private boolean cancelling;

    @StartSaga
    @SagaEventHandler(associationProperty = ORDER_ID)
    public void on(OrderPlacedEvent event) {
        orderId = event.orderId();
        lines = new ArrayList<>(event.lines());
        shippingAddress = event.shippingAddress();
        paymentToken = event.paymentToken();
        step = FulfilmentStep.RESERVING_STOCK;
        lines.forEach(line -> send(new ReserveStockCommand(line.sku(), orderId, line.quantity())));
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    public void on(StockReservedEvent event) {
        reserved.add(new PricedOrderLine(event.sku(), event.quantity(), event.unitPrice()));
        afterReservationAnswer();
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    public void on(StockReservationRejectedEvent event) {
        reservationRejections.add(event.reason());
        afterReservationAnswer();
    }

    private void afterReservationAnswer() {
        if (reserved.size() + reservationRejections.size() < lines.size()) {
            return;
        }
        if (cancelling) {
            compensateCancellation();
        } else if (!reservationRejections.isEmpty()) {
            releaseStock();
            reject(reservationRejections.contains(StockRejectionReason.UNKNOWN_SKU)
                    ? RejectionReason.UNKNOWN_SKU : RejectionReason.OUT_OF_STOCK);
        } else {
            Money total = reserved.stream().map(PricedOrderLine::lineTotal).reduce(Money::plus).orElseThrow();
            send(new PriceOrderCommand(orderId, reserved, total));
            paymentId = new PaymentId("pay-" + orderId);
            step = FulfilmentStep.AUTHORISING_PAYMENT;
            paymentTimeoutId = deadlineManager.schedule(settings.paymentTimeout(), PAYMENT_TIMEOUT);
            send(new AuthorisePaymentCommand(paymentId, orderId, total, paymentToken));
        }
    }

    /** An answer after the timeout fired finds the order already being rejected, and the payment voided. */
    @SagaEventHandler(associationProperty = ORDER_ID)
    public void on(PaymentAuthorisedEvent event) {
        if (step != FulfilmentStep.AUTHORISING_PAYMENT) {
            return;
        }
        cancelPaymentTimeout();
        shipmentId = new ShipmentId("shp-" + orderId);
        step = FulfilmentStep.BOOKING_SHIPMENT;
        send(new RequestShipmentCommand(shipmentId, orderId, shippingAddress, lines));
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    public void on(PaymentDeclinedEvent event) {
        if (step != FulfilmentStep.AUTHORISING_PAYMENT) {
            return;
        }
        cancelPaymentTimeout();
        releaseStock();
        reject(RejectionReason.PAYMENT_DECLINED);
    }

    /**
     * A deadline store delivers at least once, so a timeout that lost a race with the provider's
     * answer is ignored. The deadline runs on a thread of its own, so it only touches this order's
     * own aggregates: releasing stock here would lock SKUs that the saga's thread, holding other
     * sagas of the same batch, may be locking in the other order (a deadlock the crash test hit).
     * The stock goes back when the rejection comes round on the saga's thread.
     */
    @DeadlineHandler(deadlineName = PAYMENT_TIMEOUT)
    public void onPaymentTimeout() {
        if (step != FulfilmentStep.AUTHORISING_PAYMENT) {
            return;
        }
        paymentTimeoutId = null;
        step = FulfilmentStep.TIMING_OUT;
        send(new VoidPaymentCommand(paymentId));
        send(new RejectOrderCommand(orderId, RejectionReason.PAYMENT_TIMEOUT));
    }

    /** Only a timed-out order is still followed when its rejection arrives: every other rejection ends the process as it is sent. */
    @EndSaga
    @SagaEventHandler(associationProperty = ORDER_ID)
    public void on(OrderRejectedEvent event) {
        releaseStock();
        step = FulfilmentStep.REJECTED;
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    public void on(ShipmentCreatedEvent event) {
        if (cancelling) {
            withdrawShipment();
            return;
        }
        step = FulfilmentStep.AWAITING_DISPATCH;
        send(new ConfirmOrderCommand(orderId, paymentId, shipmentId));
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    public void on(ShipmentRefusedEvent event) {
        if (cancelling) {
            compensateCancellation();
            return;
        }
        send(new VoidPaymentCommand(paymentId));
        releaseStock();
        reject(RejectionReason.UNDELIVERABLE_ADDRESS);
    }

    @SagaEventHandler(associationProperty = ORDER_ID)
    public void on(ShipmentCancelledEvent event) {
        compensateCancellation();
    }

    /** Also when a cancellation is under way: the carrier got the parcel first, so the order ships. */
    @SagaEventHandler(associationProperty = ORDER_ID)
    public void on(ShipmentDispatchedEvent event) {
        cancelling = false;
        step = FulfilmentStep.AWAITING_DELIVERY;
        send(new CapturePaymentCommand(paymentId));
        reserved.forEach(line -> send(new ShipStockCommand(line.sku(), orderId)));
        send(new MarkOrderShippedCommand(orderId));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ORDER_ID)
    public void on(ShipmentDeliveredEvent event) {
        step = FulfilmentStep.DELIVERED;
        send(new MarkOrderDeliveredCommand(orderId));
    }

    /**
     * The order aggregate only accepts the request before shipping. Whatever is still on its way
     * (reservation answers, the carrier's booking) is waited for so that it is undone too. A booked
     * shipment is withdrawn first and the rest undone only once the carrier confirms: if the parcel
     * was collected in the meantime, the order ships instead.
     */
    @SagaEventHandler(associationProperty = ORDER_ID)
    public void on(OrderCancellationRequestedEvent event) {
        if (step == FulfilmentStep.AWAITING_DELIVERY || step == FulfilmentStep.TIMING_OUT) {
            return;
        }
        cancelling = true;
        switch (step) {
            case RESERVING_STOCK, BOOKING_SHIPMENT -> {
            }
            case AWAITING_DISPATCH -> withdrawShipment();
            default -> compensateCancellation();
        }
    }

    /** An operator took over: {@link OrderRepair} undoes what the order holds; this process only stops. */
    @EndSaga
    @SagaEventHandler(associationProperty = ORDER_ID)
    public void on(OrderForceCancellationRequestedEvent event) {
        cancelPaymentTimeout();
        step = FulfilmentStep.CANCELLED;
        log.info("order {} force-cancelled by an operator; the fulfilment process stops", orderId);
    }

    private void withdrawShipment() {
        step = FulfilmentStep.WITHDRAWING_SHIPMENT;
        send(new CancelShipmentCommand(shipmentId));
    }

    private void compensateCancellation() {
        cancelPaymentTimeout();
        if (paymentId != null) {
            send(new VoidPaymentCommand(paymentId));
        }
        releaseStock();
        step = FulfilmentStep.CANCELLED;
        send(new CancelOrderCommand(orderId));
        SagaLifecycle.end();
    }

    private void reject(RejectionReason reason) {
        step = FulfilmentStep.REJECTED;
        send(new RejectOrderCommand(orderId, reason));
        SagaLifecycle.end();
    }

    private void releaseStock() {
        reserved.forEach(line -> send(new ReleaseStockCommand(line.sku(), orderId)));
    }

    /**
     * The timeout is cancelled once this step has committed, not as part of it: a timeout that is
     * firing at that moment cannot be cancelled any more (the scheduler refuses), and that refusal
     * failed the saga's whole batch (seen in the benchmark). The batch's cancellations share one
     * transaction. A timeout left behind, by that race or
     * by a crash in between, finds the payment answered and does nothing.
     */
    private void cancelPaymentTimeout() {
        if (paymentTimeoutId == null) {
            return;
        }
        String scheduleId = paymentTimeoutId;
        OrderId order = orderId;
        DeadlineManager deadlines = deadlineManager;
        paymentTimeoutId = null;
        Runnable cancel = () -> {
            try {
                deadlines.cancelSchedule(PAYMENT_TIMEOUT, scheduleId);
            } catch (RuntimeException alreadyFiring) {
                log.info("order {}: the payment timeout could not be cancelled ({}); it will find nothing to do",
                        order, alreadyFiring.getMessage());
            }
        };
        AfterCommit.run(transactionManager, cancel);
    }

    /** For operators: what this process holds right now. */
    FulfilmentView view() {
        return new FulfilmentView(orderId, step == null ? null : step.name(), reserved, paymentId, shipmentId,
                paymentTimeoutId != null, cancelling);
    }

    private void send(Object command) {
        log.info("order {} at {}: {}", orderId, step, command.getClass().getSimpleName());
        sendAttempt(command, 1);
    }

    /**
     * A command can fail for a passing reason (two units of work locking the same aggregates in
     * opposite order: Axon detects the deadlock and fails one): it is sent again, a little later and
     * outside this handler's unit of work, rather than left undone; a stock release dropped here
     * would hold stock for an order that no longer exists (seen in CrashRecoveryTest).
     */
    private void sendAttempt(Object command, int attempt) {
        CommandGateway gateway = commandGateway;
        OrderId order = orderId;
        gateway.send(command).whenComplete((result, failure) -> {
            if (failure == null) {
                return;
            }
            if (isTransient(failure) && attempt < MAX_ATTEMPTS) {
                CompletableFuture.delayedExecutor(100L * attempt, TimeUnit.MILLISECONDS)
                        .execute(() -> sendAttempt(command, attempt + 1));
            } else {
                log.error("order {}: {} failed: {}", order, command.getClass().getSimpleName(), failure.getMessage());
            }
        });
    }

    private static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AxonTransientException) {
                return true;
            }
        }
        return false;
    }
}
