package com.runway.projection.api;

import java.util.List;

/** Every read model's status. */
public record ProjectionStatuses(
        List<ProjectionStatus> projections) {

    public ProjectionStatuses {
        projections = List.copyOf(projections);
    }
}
