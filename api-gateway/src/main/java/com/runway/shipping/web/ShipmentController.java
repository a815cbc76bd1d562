package com.runway.shipping.web;

import com.runway.gateway.Messaging;
import com.runway.gateway.Parameters;
import com.runway.shipping.api.DeliverShipmentCommand;
import com.runway.shipping.api.DispatchShipmentCommand;
import com.runway.shipping.api.ShipmentId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The carrier's callbacks. Retries of a step already taken are accepted; steps out of order are 409. */
@RestController
@RequestMapping("/api/shipments")
@Tag(name = "Carrier callbacks")
public class ShipmentController {

    private final Messaging messaging;

    public ShipmentController(Messaging messaging) {
        this.messaging = messaging;
    }

    @PostMapping("/{shipmentId}/dispatch")
    @Operation(summary = "The carrier collected the parcel")
    public Mono<ResponseEntity<Void>> dispatch(@PathVariable("shipmentId") String shipmentId) {
        ShipmentId id = Parameters.parse("shipmentId", shipmentId, ShipmentId::new);
        return messaging.send(new DispatchShipmentCommand(id), "no shipment " + id).thenReturn(ResponseEntity.accepted().build());
    }

    @PostMapping("/{shipmentId}/deliver")
    @Operation(summary = "The carrier delivered the parcel")
    public Mono<ResponseEntity<Void>> deliver(@PathVariable("shipmentId") String shipmentId) {
        ShipmentId id = Parameters.parse("shipmentId", shipmentId, ShipmentId::new);
        return messaging.send(new DeliverShipmentCommand(id), "no shipment " + id).thenReturn(ResponseEntity.accepted().build());
    }
}
