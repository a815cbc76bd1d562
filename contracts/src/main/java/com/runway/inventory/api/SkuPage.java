package com.runway.inventory.api;

import java.util.List;

/** One page of SKUs; total counts every SKU. */
public record SkuPage(
        List<SkuView> items,
        int page,
        int size,
        long total) {

    public SkuPage {
        items = List.copyOf(items);
    }
}
