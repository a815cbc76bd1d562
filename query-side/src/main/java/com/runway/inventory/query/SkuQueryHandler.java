package com.runway.inventory.query;

import com.runway.inventory.api.FindSkuQuery;
import com.runway.inventory.api.ListSkusQuery;
import com.runway.inventory.api.SkuPage;
import com.runway.inventory.api.SkuView;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;

@Component
public class SkuQueryHandler {

    private final SkuReadModel readModel;

    public SkuQueryHandler(SkuReadModel readModel) {
        this.readModel = readModel;
    }

    @QueryHandler
    public Optional<SkuView> handle(FindSkuQuery query) {
        return readModel.find(query.sku());
    }

    @QueryHandler
    public SkuPage handle(ListSkusQuery query) {
        return readModel.page(query.page(), query.size());
    }
}
