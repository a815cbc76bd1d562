package com.runway.projection.web;

import com.runway.gateway.Messaging;
import com.runway.projection.api.FindProjectionStatusesQuery;
import com.runway.projection.api.ProjectionStatus;
import com.runway.projection.api.ProjectionStatuses;
import com.runway.projection.api.ReplayProjectionCommand;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.List;

@RestController
@RequestMapping("/api/admin/projections")
@Tag(name = "Administration")
public class ProjectionAdminController {

    private final Messaging messaging;

    public ProjectionAdminController(Messaging messaging) {
        this.messaging = messaging;
    }

    @GetMapping
    @Operation(summary = "Each read model's processor: its position in the event stream and whether it is replaying")
    public Mono<List<ProjectionStatus>> list() {
        return messaging.query(new FindProjectionStatusesQuery(), ResponseTypes.instanceOf(ProjectionStatuses.class))
                .map(ProjectionStatuses::projections);
    }

    @PostMapping("/{name}/replay")
    @Operation(summary = "Rebuild one read model from the event store")
    public Mono<ResponseEntity<Void>> replay(@PathVariable("name") String name) {
        return messaging.send(new ReplayProjectionCommand(name))
                .thenReturn(ResponseEntity.accepted().location(URI.create("/api/admin/projections")).build());
    }
}
