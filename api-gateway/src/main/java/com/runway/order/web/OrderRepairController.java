package com.runway.order.web;

import com.runway.gateway.Messaging;
import com.runway.gateway.Parameters;
import com.runway.gateway.PlainText;
import com.runway.order.api.ForceCancelOrderCommand;
import com.runway.order.api.OrderId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/admin/orders")
@Tag(name = "Administration")
public class OrderRepairController {

    /** Why the operator forces the cancellation; it is kept in the order's journey. */
    public record ForceCancelRequest(@Size(max = 500) @Pattern(regexp = PlainText.PATTERN, message = PlainText.MESSAGE) String reason) {
    }

    private final Messaging messaging;

    public OrderRepairController(Messaging messaging) {
        this.messaging = messaging;
    }

    @PostMapping("/{orderId}/force-cancel")
    @Operation(summary = "Cancel an order stuck before shipping and undo what it holds, even if its saga is stuck or gone")
    public Mono<ResponseEntity<Void>> forceCancel(@PathVariable("orderId") String orderId,
                                                  @Valid @RequestBody(required = false) ForceCancelRequest request) {
        OrderId id = Parameters.parse("orderId", orderId, OrderId::new);
        String reason = request == null || request.reason() == null || request.reason().isBlank()
                ? "no reason given" : request.reason();
        return messaging.send(new ForceCancelOrderCommand(id, reason), "no order " + id)
                .thenReturn(ResponseEntity.accepted().build());
    }
}
