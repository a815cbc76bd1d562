package com.runway.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Percentiles of a set of latencies, in milliseconds. */
record Latencies(int count, double p50, double p95, double p99, double max) {

    static Latencies of(long[] nanos) {
        if (nanos.length == 0) {
            return new Latencies(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Latencies(sorted.length, ms(at(sorted, 0.50)), ms(at(sorted, 0.95)), ms(at(sorted, 0.99)), ms(sorted[sorted.length - 1]));
    }

    private static long at(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)];
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("count", count);
        map.put("p50", p50);
        map.put("p95", p95);
        map.put("p99", p99);
        map.put("max", max);
        return map;
    }

    @Override
    public String toString() {
        return String.format("%8.1f %8.1f %8.1f %8.1f", p50, p95, p99, max);
    }
}
