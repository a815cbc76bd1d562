package com.runway.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.Set;

/**
 * The catalogue and the orders placed against it: 80 % that should be confirmed, 10 % that name a
 * sold-out SKU and 10 % whose card is declined; a few hot SKUs take a large share of the lines, the
 * way a marketplace's bestsellers do.
 */
final class Workload {

    static final int STOCK = 1_000_000;
    private static final double HOT_SHARE = 0.3;

    enum Kind {
        HAPPY("CONFIRMED", null), OUT_OF_STOCK("REJECTED", "OUT_OF_STOCK"), DECLINED("REJECTED", "PAYMENT_DECLINED");

        final String status;
        final String rejectionReason;

        Kind(String status, String rejectionReason) {
            this.status = status;
            this.rejectionReason = rejectionReason;
        }
    }

    record Line(String sku, int quantity) {
    }

    record PlannedOrder(int index, Kind kind, List<Line> lines) {

        Map<String, Object> body(String run) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("customerId", "bench-" + run + "-" + (index % 5000));
            body.put("lines", lines.stream().map(l -> Map.of("sku", l.sku(), "quantity", l.quantity())).toList());
            body.put("shippingAddress", Map.of("name", "Ana Silva", "street", "Rua Augusta 1", "city", "Lisboa",
                    "postalCode", "1100-048", "country", "PT"));
            body.put("paymentToken", kind == Kind.DECLINED ? "tok_declined" : "tok_visa");
            return body;
        }
    }

    final List<String> inStock = new ArrayList<>();
    final List<String> soldOut = new ArrayList<>();
    private final int hotSkus;
    private final long seed;

    Workload(int skus, int hotSkus, long seed) {
        this.hotSkus = hotSkus;
        this.seed = seed;
        int soldOutCount = Math.max(1, skus / 20);
        for (int i = 0; i < skus; i++) {
            String sku = String.format("BENCH-%04d", i);
            (i < skus - soldOutCount ? inStock : soldOut).add(sku);
        }
    }

    /** Every SKU the catalogue registers, in stock and sold out. */
    List<String> catalogue() {
        List<String> all = new ArrayList<>(inStock);
        all.addAll(soldOut);
        return all;
    }

    int initialStock(String sku) {
        return soldOut.contains(sku) ? 0 : STOCK;
    }

    /** The same index always plans the same order, so a baseline run places exactly what the tuned run placed. */
    PlannedOrder plan(int index) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        double dice = random.nextDouble();
        Kind kind = dice < 0.8 ? Kind.HAPPY : dice < 0.9 ? Kind.OUT_OF_STOCK : Kind.DECLINED;
        Set<String> skus = new LinkedHashSet<>();
        if (kind == Kind.OUT_OF_STOCK) {
            skus.add(soldOut.get(random.nextInt(soldOut.size())));
        }
        int lines = 1 + random.nextInt(3);
        while (skus.size() < lines) {
            skus.add(random.nextDouble() < HOT_SHARE ? inStock.get(random.nextInt(hotSkus)) : inStock.get(random.nextInt(inStock.size())));
        }
        return new PlannedOrder(index, kind, skus.stream().map(sku -> new Line(sku, 1 + random.nextInt(2))).toList());
    }
}
