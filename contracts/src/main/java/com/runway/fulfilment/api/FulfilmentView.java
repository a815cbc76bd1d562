package com.runway.fulfilment.api;

import com.runway.order.api.OrderId;
import com.runway.order.api.PricedOrderLine;
import com.runway.payment.api.PaymentId;
import com.runway.shipping.api.ShipmentId;

import java.util.List;

/**
 * What the fulfilment saga of one order holds right now: its step, the stock it has reserved, the
 * payment and shipment it started, whether a payment timeout is pending and whether it is undoing
 * the order for a cancellation.
 */
public record FulfilmentView(
        OrderId orderId,
        String step,
        List<PricedOrderLine> reserved,
        PaymentId paymentId,
        ShipmentId shipmentId,
        boolean paymentTimeoutPending,
        boolean cancelling) {

    public FulfilmentView {
        reserved = List.copyOf(reserved);
    }
}
