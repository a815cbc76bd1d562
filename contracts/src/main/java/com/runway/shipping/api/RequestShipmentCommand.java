package com.runway.shipping.api;

import com.runway.order.api.OrderId;
import com.runway.order.api.OrderLine;
import com.runway.order.api.ShippingAddress;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Books a shipment of an order's lines with the carrier. */
public record RequestShipmentCommand(
        @TargetAggregateIdentifier ShipmentId shipmentId,
        OrderId orderId,
        ShippingAddress destination,
        List<OrderLine> lines) {

    public RequestShipmentCommand {
        lines = List.copyOf(lines);
    }
}
