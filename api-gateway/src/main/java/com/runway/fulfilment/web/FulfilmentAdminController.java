package com.runway.fulfilment.web;

import com.runway.fulfilment.api.FindFulfilmentQuery;
import com.runway.fulfilment.api.FulfilmentView;
import com.runway.gateway.Messaging;
import com.runway.gateway.Parameters;
import com.runway.order.api.OrderId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/admin/sagas")
@Tag(name = "Administration")
public class FulfilmentAdminController {

    private final Messaging messaging;

    public FulfilmentAdminController(Messaging messaging) {
        this.messaging = messaging;
    }

    @GetMapping
    @Operation(summary = "The live fulfilment saga of an order: step, reserved stock, payment, shipment, pending timeout")
    public Mono<FulfilmentView> find(@RequestParam(name = "orderId") String orderId) {
        OrderId id = Parameters.parse("orderId", orderId, OrderId::new);
        return messaging.queryOne(new FindFulfilmentQuery(id), FulfilmentView.class, "no live fulfilment saga for order " + id);
    }
}
