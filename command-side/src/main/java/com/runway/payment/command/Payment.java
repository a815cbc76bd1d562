package com.runway.payment.command;

import com.runway.order.api.OrderId;
import com.runway.payment.api.AuthorisePaymentCommand;
import com.runway.payment.api.CapturePaymentCommand;
import com.runway.payment.api.PaymentAuthorisationRequestedEvent;
import com.runway.payment.api.PaymentAuthorisedEvent;
import com.runway.payment.api.PaymentCapturedEvent;
import com.runway.payment.api.PaymentDeclinedEvent;
import com.runway.payment.api.PaymentId;
import com.runway.payment.api.PaymentVoidedEvent;
import com.runway.payment.api.VoidPaymentCommand;
import com.runway.shared.CommandRejection;
import com.runway.shared.Money;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import com.runway.commandside.CommandSideConfiguration;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** One authorisation at the payment provider, and what became of it. */
@Aggregate(cache = CommandSideConfiguration.AGGREGATE_CACHE)
public class Payment {

    enum State { PENDING, AUTHORISED, DECLINED, CAPTURED, VOIDED }

    @AggregateIdentifier
    private PaymentId paymentId;
    private OrderId orderId;
    private Money amount;
    private State state;

    protected Payment() {
    }

    /**
     * Asks the provider and records its answer. A provider that does not answer leaves the payment
     * PENDING: the fulfilment saga's deadline decides what happens next, not this aggregate.
     */
    @CommandHandler
    public Payment(AuthorisePaymentCommand command, PaymentProvider provider) {
        if (command.amount().amount().signum() <= 0) {
            throw CommandRejection.unprocessable("amount to authorise must be greater than zero");
        }
        apply(new PaymentAuthorisationRequestedEvent(command.paymentId(), command.orderId(), command.amount()));
        AuthorisationDecision decision = provider.authorise(command.paymentToken(), command.amount());
        switch (decision.outcome()) {
            case APPROVED -> apply(new PaymentAuthorisedEvent(
                    command.paymentId(), command.orderId(), command.amount(), decision.detail()));
            case DECLINED -> apply(new PaymentDeclinedEvent(command.paymentId(), command.orderId(), decision.detail()));
            case NO_RESPONSE -> {
            }
        }
    }

    @CommandHandler
    public void handle(CapturePaymentCommand command) {
        if (state == State.CAPTURED) {
            return;
        }
        if (state != State.AUTHORISED) {
            throw CommandRejection.conflict("payment " + paymentId + " is " + state + " and cannot be captured");
        }
        apply(new PaymentCapturedEvent(paymentId, orderId, amount));
    }

    @CommandHandler
    public void handle(VoidPaymentCommand command) {
        switch (state) {
            case PENDING, AUTHORISED -> apply(new PaymentVoidedEvent(paymentId, orderId));
            case VOIDED, DECLINED -> {
            }
            case CAPTURED -> throw CommandRejection.conflict("payment " + paymentId + " was captured and cannot be voided");
        }
    }

    @EventSourcingHandler
    void on(PaymentAuthorisationRequestedEvent event) {
        paymentId = event.paymentId();
        orderId = event.orderId();
        amount = event.amount();
        state = State.PENDING;
    }

    @EventSourcingHandler
    void on(PaymentAuthorisedEvent event) {
        state = State.AUTHORISED;
    }

    @EventSourcingHandler
    void on(PaymentDeclinedEvent event) {
        state = State.DECLINED;
    }

    @EventSourcingHandler
    void on(PaymentCapturedEvent event) {
        state = State.CAPTURED;
    }

    @EventSourcingHandler
    void on(PaymentVoidedEvent event) {
        state = State.VOIDED;
    }
}
