package com.runway.order.api;

import java.util.List;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Places an order. {@code requestFingerprint} identifies the request body, so a retry under the same idempotency key can be told from a different order. */
public record PlaceOrderCommand(
        @TargetAggregateIdentifier OrderId orderId,
        CustomerId customerId,
        List<OrderLine> lines,
        ShippingAddress shippingAddress,
        String paymentToken,
        String requestFingerprint,
        SalesChannel salesChannel) {

    /**
     * The name this command is sent under when its sender has just generated the order id: no order
     * can exist under that id yet, so the command side creates one without first looking for it.
     */
    public static final String UNDER_NEW_ID = "com.runway.order.api.PlaceOrderCommand#underNewId";

    public PlaceOrderCommand {
        lines = List.copyOf(lines);
        salesChannel = salesChannel == null ? SalesChannel.WEB : salesChannel;
    }

    /** This command as sent by one who has just generated its order id (see {@link #UNDER_NEW_ID}). */
    public CommandMessage<PlaceOrderCommand> underNewId() {
        return new GenericCommandMessage<>(new GenericMessage<>(this), UNDER_NEW_ID);
    }
}
