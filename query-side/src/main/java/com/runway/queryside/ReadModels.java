package com.runway.queryside;

import com.runway.journey.query.OrderJourneyProjection;
import com.runway.inventory.query.SkuProjection;
import com.runway.order.query.OrderProjection;

import java.util.List;

/** The processing groups of the read models this module owns: each replays on its own. */
public final class ReadModels {

    public static final List<String> PROCESSING_GROUPS = List.of(OrderProjection.NAME, SkuProjection.NAME, OrderJourneyProjection.NAME);

    private ReadModels() {
    }
}
