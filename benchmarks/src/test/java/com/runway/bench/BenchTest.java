package com.runway.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

/**
 * The harness itself, at a size the test suite can afford: it runs the built standalone jar through
 * every phase and writes every figure, and the invariants it checks hold. (The figures at this size
 * say nothing about speed; the reference run is {@code -Pbench}.)
 */
class BenchTest {

    @TempDir
    Path out;

    @Test
    void aSmallRunGoesThroughEveryPhaseAndWritesEveryFigure() throws Exception {
        Path result = out.resolve("bench-result.json");
        Map<String, Object> figures = Bench.run(BenchOptions.parse("--jar", System.getProperty("runway.standalone.jar"),
                "--out", result.toString(), "--orders", "150", "--concurrency", "8", "--skus", "40", "--hot-skus", "2",
                "--baseline-orders", "40", "--half-peak-seconds", "2", "--app-heap", "384m", "--warm-up-seconds", "0"));

        JsonNode json = Http.JSON.readTree(result.toFile());
        assertThat(json.get("invariantsHold").asBoolean()).as(json.toPrettyString()).isTrue();
        assertThat(json.get("orders").asInt()).isEqualTo(150);
        for (String key : List.of("ordersPerSecondDecided", "ordersPerSecondDecidedBaseline", "tunedOverBaseline",
                "p99PostToVisibleMsAtHalfPeak", "p99PostToConfirmedMsAtHalfPeak", "replayEventsPerSecond",
                "rawH2AppendRowsPerSecond", "rawMongoInsertDocsPerSecond")) {
            assertThat(json.get(key).isNumber()).as(key + " in " + json).isTrue();
            assertThat(json.get(key).asDouble()).as(key).isPositive();
        }
        assertThat(json.at("/tuned/peak/accepted").asInt()).isEqualTo(150);
        assertThat(json.get("rawMongoInsertInto").asText()).isEqualTo("the app's embedded server");
        assertThat(json.at("/baseline/peak/accepted").asInt()).isEqualTo(40);
        assertThat(json.at("/tuned/violations")).isEmpty();
        double cpuPerOrder = json.at("/tuned/appCpuMsPerOrderDecidedUnderPeak").asDouble();
        assertThat(cpuPerOrder).as("CPU per order decided under peak")
                .isCloseTo(json.at("/tuned/appCpuCoresUnderPeak").asDouble() * 1000 / json.at("/tuned/peak/ordersPerSecondDecided").asDouble(),
                        withPercentage(5));
        assertThat(cpuPerOrder).isPositive();
        assertThat(json.at("/tuned/liveStreamReconnects").isInt()).as("reconnects of the live stream are reported").isTrue();
        assertThat(json.at("/tuned/decisionsReadFromTheOrderNotTheStream").isInt())
                .as("decisions the live stream missed are reported").isTrue();
        assertThat(json.at("/tuned/warm-up/accepted").asInt()).as("a warm-up past its time limit stops at its minimum").isEqualTo(20);
        assertThat(json.at("/tuned/jitShareUnderPeak").asDouble()).as("the app's compile time under the peak is read").isPositive();
        assertThat(figures).containsEntry("invariantsHold", true);
    }

    @Test
    void theCompileTimeIsReadFromTheAppsMetrics() {
        String prometheus = """
                # HELP jvm_compilation_time_ms_total The approximate accumulated elapsed time spent in compilation
                # TYPE jvm_compilation_time_ms_total counter
                jvm_compilation_time_ms_total{compiler="HotSpot 64-Bit Tiered Compilers"} 9865.0
                jvm_gc_pause_seconds_count{action="end of minor GC"} 12
                """;
        assertThat(JitWatch.parse(prometheus)).isEqualTo(9865.0);
        assertThat(JitWatch.parse("jvm_gc_pause_seconds_count 12\n")).isNaN();
    }

    @Test
    void theWorkloadIsTheAdvertisedMixAndTheSameEveryRun() {
        Workload workload = new Workload(1000, 5, 7);
        List<Workload.PlannedOrder> orders = IntStream.range(0, 20_000).mapToObj(workload::plan).toList();
        long happy = orders.stream().filter(o -> o.kind() == Workload.Kind.HAPPY).count();
        long outOfStock = orders.stream().filter(o -> o.kind() == Workload.Kind.OUT_OF_STOCK).count();
        assertThat(happy).isBetween(15_600L, 16_400L);
        assertThat(outOfStock).isBetween(1_800L, 2_200L);
        assertThat(orders).allSatisfy(o -> {
            assertThat(o.lines()).extracting(Workload.Line::sku).doesNotHaveDuplicates();
            assertThat(o.lines().stream().anyMatch(l -> workload.soldOut.contains(l.sku())))
                    .isEqualTo(o.kind() == Workload.Kind.OUT_OF_STOCK);
        });
        long hotLines = orders.stream().flatMap(o -> o.lines().stream()).filter(l -> workload.inStock.indexOf(l.sku()) < 5).count();
        assertThat(hotLines).as("lines on the 5 hot SKUs").isGreaterThan(orders.size() / 4);
        assertThat(new Workload(1000, 5, 7).plan(123)).isEqualTo(orders.get(123));
    }

    @Test
    void percentilesAreTakenFromTheSortedLatencies() {
        long[] nanos = IntStream.rangeClosed(1, 100).mapToLong(i -> i * 1_000_000L).toArray();
        Latencies latencies = Latencies.of(nanos);
        assertThat(latencies.p50()).isEqualTo(50.0);
        assertThat(latencies.p95()).isEqualTo(95.0);
        assertThat(latencies.p99()).isEqualTo(99.0);
        assertThat(latencies.max()).isEqualTo(100.0);
    }
}
