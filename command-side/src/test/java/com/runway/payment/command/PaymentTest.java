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
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PaymentTest {

    private static final PaymentId PAYMENT = new PaymentId("pay-1");
    private static final OrderId ORDER = new OrderId("order-1");
    private static final Money AMOUNT = Money.of("39.98", "EUR");

    private AggregateTestFixture<Payment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Payment.class);
        PaymentProvider provider = (token, amount) -> switch (token) {
            case "tok_visa" -> AuthorisationDecision.approved("AUTH-1");
            case "tok_declined" -> AuthorisationDecision.declined("card_declined");
            default -> AuthorisationDecision.noResponse();
        };
        fixture.registerInjectableResource(provider);
    }

    private static PaymentAuthorisationRequestedEvent requested() {
        return new PaymentAuthorisationRequestedEvent(PAYMENT, ORDER, AMOUNT);
    }

    @Test
    void anApprovedAuthorisationHoldsTheAmount() {
        fixture.givenNoPriorActivity()
                .when(new AuthorisePaymentCommand(PAYMENT, ORDER, AMOUNT, "tok_visa"))
                .expectEvents(requested(), new PaymentAuthorisedEvent(PAYMENT, ORDER, AMOUNT, "AUTH-1"));
    }

    @Test
    void aDeclinedAuthorisationIsRecordedWithItsReason() {
        fixture.givenNoPriorActivity()
                .when(new AuthorisePaymentCommand(PAYMENT, ORDER, AMOUNT, "tok_declined"))
                .expectEvents(requested(), new PaymentDeclinedEvent(PAYMENT, ORDER, "card_declined"));
    }

    @Test
    void aProviderThatNeverAnswersLeavesThePaymentPending() {
        fixture.givenNoPriorActivity()
                .when(new AuthorisePaymentCommand(PAYMENT, ORDER, AMOUNT, "tok_no_response"))
                .expectEvents(requested());
    }

    @Test
    void aZeroAmountIsNotAuthorised() {
        fixture.givenNoPriorActivity()
                .when(new AuthorisePaymentCommand(PAYMENT, ORDER, Money.zero("EUR"), "tok_visa"))
                .expectNoEvents()
                .expectExceptionMessage("amount to authorise must be greater than zero");
    }

    @Test
    void anAuthorisedPaymentIsCapturedOnce() {
        fixture.given(requested(), new PaymentAuthorisedEvent(PAYMENT, ORDER, AMOUNT, "AUTH-1"))
                .when(new CapturePaymentCommand(PAYMENT))
                .expectEvents(new PaymentCapturedEvent(PAYMENT, ORDER, AMOUNT));
        fixture.given(requested(), new PaymentAuthorisedEvent(PAYMENT, ORDER, AMOUNT, "AUTH-1"),
                        new PaymentCapturedEvent(PAYMENT, ORDER, AMOUNT))
                .when(new CapturePaymentCommand(PAYMENT))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void aPendingOrVoidedPaymentCannotBeCaptured() {
        fixture.given(requested())
                .when(new CapturePaymentCommand(PAYMENT))
                .expectNoEvents()
                .expectExceptionDetails(new CommandRejection(CommandRejection.Kind.CONFLICT,
                        "payment pay-1 is PENDING and cannot be captured"));
    }

    @Test
    void anAuthorisedOrPendingPaymentIsVoided() {
        fixture.given(requested(), new PaymentAuthorisedEvent(PAYMENT, ORDER, AMOUNT, "AUTH-1"))
                .when(new VoidPaymentCommand(PAYMENT))
                .expectEvents(new PaymentVoidedEvent(PAYMENT, ORDER));
        fixture.given(requested())
                .when(new VoidPaymentCommand(PAYMENT))
                .expectEvents(new PaymentVoidedEvent(PAYMENT, ORDER));
    }

    @Test
    void voidingADeclinedOrVoidedPaymentChangesNothing() {
        fixture.given(requested(), new PaymentDeclinedEvent(PAYMENT, ORDER, "card_declined"))
                .when(new VoidPaymentCommand(PAYMENT))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(requested(), new PaymentVoidedEvent(PAYMENT, ORDER))
                .when(new VoidPaymentCommand(PAYMENT))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void aCapturedPaymentCannotBeVoided() {
        fixture.given(requested(), new PaymentAuthorisedEvent(PAYMENT, ORDER, AMOUNT, "AUTH-1"),
                        new PaymentCapturedEvent(PAYMENT, ORDER, AMOUNT))
                .when(new VoidPaymentCommand(PAYMENT))
                .expectNoEvents()
                .expectExceptionDetails(new CommandRejection(CommandRejection.Kind.CONFLICT,
                        "payment pay-1 was captured and cannot be voided"));
    }

    @Test
    void theSimulatedProviderDecidesByTestToken() {
        SimulatedPaymentProvider provider = new SimulatedPaymentProvider();
        org.assertj.core.api.Assertions.assertThat(provider.authorise("tok_visa", AMOUNT).outcome())
                .isEqualTo(AuthorisationDecision.Outcome.APPROVED);
        org.assertj.core.api.Assertions.assertThat(provider.authorise("tok_declined", AMOUNT).outcome())
                .isEqualTo(AuthorisationDecision.Outcome.DECLINED);
        org.assertj.core.api.Assertions.assertThat(provider.authorise("tok_no_response", AMOUNT).outcome())
                .isEqualTo(AuthorisationDecision.Outcome.NO_RESPONSE);
        org.assertj.core.api.Assertions.assertThat(provider.authorise("tok_unheard_of", AMOUNT))
                .isEqualTo(AuthorisationDecision.declined("unknown_payment_token"));
    }
}
