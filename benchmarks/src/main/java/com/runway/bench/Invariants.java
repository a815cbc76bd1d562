package com.runway.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.runway.bench.LoadPhase.Placed;
import com.runway.bench.Workload.Line;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What must be true after the load, read back through the API: every accepted order decided as its
 * kind says (confirmed, out of stock, declined), and per SKU nothing shipped, onHand as registered,
 * reserved exactly what the confirmed orders hold, available never negative.
 */
final class Invariants {

    private static final int IN_FLIGHT = 32;

    private Invariants() {
    }

    static List<String> check(Http http, Workload workload, Collection<Placed> placed) throws InterruptedException {
        List<String> violations = new ArrayList<>();
        Map<String, JsonNode> orders = readAll(http, placed.stream().map(p -> "/api/orders/" + p.orderId()).toList());
        Map<String, Integer> held = new HashMap<>();
        for (Placed p : placed) {
            JsonNode order = orders.get("/api/orders/" + p.orderId());
            String status = order == null ? "missing" : order.path("status").asText();
            String reason = order == null ? null : order.path("rejectionReason").asText(null);
            if (!status.equals(p.order().kind().status) || (p.order().kind().rejectionReason != null
                    && !p.order().kind().rejectionReason.equals(reason))) {
                violations.add(p.orderId() + " (" + p.order().kind() + ") is " + status + (reason == null ? "" : " " + reason));
            }
            if (p.order().kind() == Workload.Kind.HAPPY) {
                for (Line line : p.order().lines()) {
                    held.merge(line.sku(), line.quantity(), Integer::sum);
                }
            }
        }
        List<String> skus = workload.catalogue();
        List<String> stock = new ArrayList<>();
        long deadline = System.nanoTime() + 60_000_000_000L;
        do {
            stock.clear();
            Map<String, JsonNode> views = readAll(http, skus.stream().map(sku -> "/api/skus/" + sku).toList());
            for (String sku : skus) {
                JsonNode view = views.get("/api/skus/" + sku);
                int onHand = workload.initialStock(sku);
                int reserved = held.getOrDefault(sku, 0);
                if (view == null || view.path("onHand").asInt() != onHand || view.path("reserved").asInt() != reserved
                        || view.path("available").asInt() != onHand - reserved) {
                    stock.add(sku + " expected onHand " + onHand + " reserved " + reserved + ", read " + view);
                }
            }
            if (!stock.isEmpty()) {
                Thread.sleep(500);
            }
        } while (!stock.isEmpty() && System.nanoTime() < deadline);
        violations.addAll(stock);
        return violations;
    }

    /** Every path's JSON, for those that answered 200. */
    private static Map<String, JsonNode> readAll(Http http, List<String> paths) throws InterruptedException {
        List<Http.Reply> replies = http.sendAll(paths.stream().map(path -> new Http.Request("GET", path, null)).toList(), IN_FLIGHT);
        Map<String, JsonNode> found = new HashMap<>();
        for (int i = 0; i < paths.size(); i++) {
            if (replies.get(i) != null && replies.get(i).status() == 200) {
                found.put(paths.get(i), replies.get(i).json());
            }
        }
        return found;
    }
}
