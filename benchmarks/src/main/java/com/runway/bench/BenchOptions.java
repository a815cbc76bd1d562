package com.runway.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** What one run does; every figure has a default so that the bare command is the reference run. */
record BenchOptions(
        Path jar,
        Path out,
        int orders,
        int concurrency,
        int skus,
        int hotSkus,
        int baselineOrders,
        boolean baseline,
        Duration halfPeakDuration,
        double halfPeakRate,
        Duration phaseTimeout,
        int warmUpOrders,
        Duration warmUpLimit,
        String appHeap,
        java.util.List<String> appJvmOptions) {

    static BenchOptions parse(String... args) {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + name);
            }
            String value = name.contains("=") ? name.substring(name.indexOf('=') + 1) : (i + 1 < args.length ? args[++i] : "");
            given.put(name.contains("=") ? name.substring(2, name.indexOf('=')) : name.substring(2), value);
        }
        int orders = Integer.parseInt(given.getOrDefault("orders", "20000"));
        BenchOptions options = new BenchOptions(
                Path.of(given.getOrDefault("jar", "standalone/target/runway-standalone.jar")),
                Path.of(given.getOrDefault("out", "benchmarks/target/bench-result.json")),
                orders,
                Integer.parseInt(given.getOrDefault("concurrency", "64")),
                Integer.parseInt(given.getOrDefault("skus", "1000")),
                Integer.parseInt(given.getOrDefault("hot-skus", "5")),
                Integer.parseInt(given.getOrDefault("baseline-orders", Integer.toString(orders))),
                !given.getOrDefault("baseline", "true").equals("false"),
                Duration.ofSeconds(Long.parseLong(given.getOrDefault("half-peak-seconds", "20"))),
                Double.parseDouble(given.getOrDefault("half-peak-rate", "0")),
                Duration.ofSeconds(Long.parseLong(given.getOrDefault("phase-timeout-seconds", "1800"))),
                Integer.parseInt(given.getOrDefault("warm-up-orders", Integer.toString(Math.min(1000, Math.max(20, orders / 20))))),
                Duration.ofSeconds(Long.parseLong(given.getOrDefault("warm-up-seconds", "300"))),
                given.getOrDefault("app-heap", "1g"),
                java.util.Arrays.stream(given.getOrDefault("app-jvm", "").split(" ")).filter(o -> !o.isBlank()).toList());
        if (options.orders < 1 || options.concurrency < 1 || options.skus < 20 || options.hotSkus < 1 || options.hotSkus * 4 > options.skus
                || options.warmUpOrders < 1) {
            throw new IllegalArgumentException("need orders ≥ 1, concurrency ≥ 1, skus ≥ 20, hot-skus ≤ skus / 4 and warm-up-orders ≥ 1");
        }
        return options;
    }
}
