package com.runway.order.command;

import com.runway.order.api.OrderId;
import com.runway.order.api.OrderStatus;
import com.runway.shared.CommandRejection;

import java.util.Arrays;

/** Which statuses an order may move on from; anything else is a conflict with its current state. */
final class OrderTransitions {

    private OrderTransitions() {
    }

    static void require(OrderId orderId, OrderStatus current, String becoming, OrderStatus... allowed) {
        if (Arrays.asList(allowed).contains(current)) {
            return;
        }
        throw CommandRejection.conflict("order " + orderId + " is " + current + " and can no longer be " + becoming);
    }
}
