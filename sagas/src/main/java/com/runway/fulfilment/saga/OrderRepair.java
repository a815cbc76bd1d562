package com.runway.fulfilment.saga;

import com.runway.inventory.api.ReleaseStockCommand;
import com.runway.order.api.CancelOrderCommand;
import com.runway.order.api.OrderForceCancellationRequestedEvent;
import com.runway.order.api.OrderId;
import com.runway.payment.api.PaymentId;
import com.runway.payment.api.VoidPaymentCommand;
import com.runway.shared.CommandRejection;
import com.runway.shipping.api.CancelShipmentCommand;
import com.runway.shipping.api.ShipmentId;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Carries out an operator's force-cancel: the same compensations the fulfilment saga would run,
 * but from what the order may hold rather than from the saga's memory, so it works when the saga
 * is stuck or gone. Each step is safe to repeat: a shipment never booked, a payment never
 * requested, stock never reserved are no-ops. If the carrier has already collected the parcel, the
 * repair stops there and says so: the order is no longer the operator's to cancel.
 */
@Component
@ProcessingGroup(OrderRepair.PROCESSING_GROUP)
public class OrderRepair {

    public static final String PROCESSING_GROUP = "order-repair";
    private static final Logger log = LoggerFactory.getLogger(OrderRepair.class);
    private final CommandGateway commandGateway;

    public OrderRepair(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    @EventHandler
    void on(OrderForceCancellationRequestedEvent event) {
        OrderId orderId = event.orderId();
        log.info("order {}: force-cancel ({}): withdrawing shipment, voiding payment, releasing stock", orderId, event.reason());
        tolerateAbsence(commandGateway.send(new CancelShipmentCommand(new ShipmentId("shp-" + orderId.value()))))
                .thenCompose(ignored -> tolerateAbsence(commandGateway.send(new VoidPaymentCommand(new PaymentId("pay-" + orderId.value())))))
                .thenCompose(ignored -> CompletableFuture.allOf(event.skus().stream()
                        .map(sku -> commandGateway.send(new ReleaseStockCommand(sku, orderId)))
                        .toArray(CompletableFuture[]::new)))
                .thenCompose(ignored -> commandGateway.send(new CancelOrderCommand(orderId)))
                .whenComplete((result, failure) -> {
                    if (failure != null) {
                        log.error("order {}: force-cancel stopped: {}", orderId, rootCause(failure).getMessage());
                    } else {
                        log.info("order {}: force-cancel done", orderId);
                    }
                });
    }

    /** A part of the flow the order never reached (no shipment, no payment) has nothing to undo. */
    private static <R> CompletableFuture<Object> tolerateAbsence(CompletableFuture<R> step) {
        return step.<Object>thenApply(result -> result).exceptionallyCompose(failure -> {
            Throwable cause = rootCause(failure);
            boolean absent = cause instanceof AggregateNotFoundException
                    || cause instanceof CommandExecutionException execution && execution.getDetails()
                    .filter(CommandRejection.class::isInstance).map(CommandRejection.class::cast)
                    .filter(rejection -> rejection.kind() == CommandRejection.Kind.NOT_FOUND).isPresent();
            return absent ? CompletableFuture.completedFuture(null) : CompletableFuture.failedFuture(cause);
        });
    }

    private static Throwable rootCause(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
