package com.runway.journey.api;

import com.runway.order.api.OrderId;

import java.util.List;

public record OrderJourney(OrderId orderId, List<JourneyStep> steps) {

    public OrderJourney {
        steps = List.copyOf(steps);
    }
}
