package com.runway.projection.web;

import com.runway.gateway.InvalidRequestException;
import com.runway.gateway.Messaging;
import com.runway.projection.api.DeadLetterView;
import com.runway.projection.api.DeadLetters;
import com.runway.projection.api.EvictDeadLetterCommand;
import com.runway.projection.api.FindDeadLettersQuery;
import com.runway.projection.api.RetryDeadLetterCommand;
import com.runway.shared.Identifiers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;

@RestController
@RequestMapping("/api/admin/dead-letters")
@Tag(name = "Administration")
public class DeadLetterAdminController {

    private final Messaging messaging;

    public DeadLetterAdminController(Messaging messaging) {
        this.messaging = messaging;
    }

    @GetMapping
    @Operation(summary = "Events a read model's handler failed on, parked with the rest of their aggregate's sequence")
    public Mono<List<DeadLetterView>> list() {
        return messaging.query(new FindDeadLettersQuery(), ResponseTypes.instanceOf(DeadLetters.class)).map(DeadLetters::letters);
    }

    @PostMapping("/{id}/retry")
    @Operation(summary = "Hand the letter's sequence back to its handler; what fails again stays parked")
    public Mono<Map<String, Object>> retry(@PathVariable("id") String id) {
        return messaging.<Boolean>call(new RetryDeadLetterCommand(valid(id)))
                .map(handled -> Map.of("id", id, "handled", handled));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Give up on one parked event; the letters behind it in its sequence go next")
    public Mono<ResponseEntity<Void>> evict(@PathVariable("id") String id) {
        return messaging.send(new EvictDeadLetterCommand(valid(id))).thenReturn(ResponseEntity.noContent().build());
    }

    private static String valid(String id) {
        if (!Identifiers.TOKEN.matcher(id).matches()) {
            throw new InvalidRequestException(HttpStatus.BAD_REQUEST, "id", "id must be a dead letter id such as orders:<event id>");
        }
        return id;
    }
}
