package com.runway.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.runway.bench.LoadPhase.Placed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * One benchmark run: the tuned standalone app under load (peak, then half the peak at a fixed
 * rate), a rebuild of every projection, this machine's raw store limits, and the same workload on
 * Axon's defaults. Prints a table and writes every figure as JSON; exits 1 if an invariant broke.
 */
public final class Bench {

    static final List<String> PROJECTIONS = List.of("orders", "skus", "journeys");
    private static final long SEED = 20261129L;
    /** The warm-up ends once the JIT's compile time is less than this share of the wall time (or at its time limit). */
    static final double JIT_SETTLED = 0.05;

    public static void main(String[] args) throws Exception {
        Map<String, Object> result = run(BenchOptions.parse(args));
        System.exit(Boolean.TRUE.equals(result.get("invariantsHold")) ? 0 : 1);
    }

    static Map<String, Object> run(BenchOptions options) throws Exception {
        Path work = options.out().toAbsolutePath().getParent().resolve("bench-work");
        delete(work);
        Files.createDirectories(work);
        Workload workload = new Workload(options.skus(), options.hotSkus(), SEED);

        SystemRun tuned = SystemRun.measure("tuned", options, workload, work.resolve("tuned"), List.of(), options.orders(), true);
        print(tuned);
        int rows = tuned.rawLimitRows();
        double rawH2 = RawLimits.h2AppendRowsPerSecond(work.resolve("tuned"), work, rows);
        double rawMongo = tuned.rawMongoInsertDocsPerSecond > 0 ? tuned.rawMongoInsertDocsPerSecond
                : RawLimits.mongoInsertDocsPerSecond(work, rows);
        SystemRun baseline = options.baseline()
                ? SystemRun.measure("baseline", options, workload, work.resolve("baseline"), List.of("--spring.profiles.active=axon-defaults"),
                options.baselineOrders(), false)
                : null;
        if (baseline != null) {
            print(baseline);
        }

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("orders", tuned.peak.accepted().size());
        json.put("ordersPerSecondDecided", round(tuned.peak.decidedPerSecond()));
        json.put("ordersPerSecondDecidedBaseline", baseline == null ? null : round(baseline.peak.decidedPerSecond()));
        json.put("tunedOverBaseline", baseline == null ? null : round(tuned.peak.decidedPerSecond() / baseline.peak.decidedPerSecond()));
        json.put("p99PostToVisibleMsAtHalfPeak", tuned.halfPeak.visible().p99());
        json.put("p99PostToConfirmedMsAtHalfPeak", tuned.halfPeak.confirmed().p99());
        json.put("replayEventsPerSecond", round(tuned.replayEventsPerSecond));
        json.put("rawH2AppendRowsPerSecond", round(rawH2));
        json.put("rawMongoInsertDocsPerSecond", round(rawMongo));
        json.put("rawMongoInsertInto", tuned.rawMongoInsertDocsPerSecond > 0 ? "the app's embedded server" : "a stock H2-backend server");
        json.put("eventsAppendedPerSecond", round(tuned.eventsPerSecond()));
        json.put("eventAppendOverRawH2", round(tuned.eventsPerSecond() / rawH2));
        json.put("projectedEventsOverRawMongo", round(tuned.eventsPerSecond() / rawMongo));
        json.put("invariantsHold", tuned.violations.isEmpty() && (baseline == null || baseline.violations.isEmpty()));
        json.put("tuned", tuned.toMap());
        json.put("baseline", baseline == null ? null : baseline.toMap());
        json.put("options", Map.of("orders", options.orders(), "concurrency", options.concurrency(), "skus", options.skus(),
                "hotSkus", options.hotSkus(), "baselineOrders", options.baselineOrders(), "cores", Runtime.getRuntime().availableProcessors()));

        System.out.printf("%nRaw limits of this machine, same run (%,d rows / documents):%n", rows);
        System.out.printf("  H2 batched JDBC append   %,12.0f rows/s   system appended %,10.0f events/s = %.2f of it%n",
                rawH2, tuned.eventsPerSecond(), tuned.eventsPerSecond() / rawH2);
        System.out.printf("  Mongo bulk insert        %,12.0f docs/s   projections took %,10.0f events/s = %.2f of it%n",
                rawMongo, tuned.eventsPerSecond(), tuned.eventsPerSecond() / rawMongo);
        if (baseline != null) {
            System.out.printf("%nDecided orders/s: tuned %.1f, Axon defaults %.1f: %.1f×%n",
                    tuned.peak.decidedPerSecond(), baseline.peak.decidedPerSecond(), tuned.peak.decidedPerSecond() / baseline.peak.decidedPerSecond());
        }
        System.out.println("Invariants " + (Boolean.TRUE.equals(json.get("invariantsHold")) ? "hold" : "BROKEN"));
        Files.createDirectories(options.out().toAbsolutePath().getParent());
        Http.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(options.out().toFile(), json);
        System.out.println("Figures: " + options.out().toAbsolutePath());
        return json;
    }

    /** One app (tuned or on Axon's defaults) through the whole workload. */
    static final class SystemRun {
        final String name;
        LoadPhase.Result warmUp;
        LoadPhase.Result peak;
        LoadPhase.Result halfPeak;
        List<String> violations = new ArrayList<>();
        long eventsWritten;
        long eventsDuringPeak;
        double replaySeconds;
        double replayEventsPerSecond;
        double rawMongoInsertDocsPerSecond;
        double cpuSecondsUnderPeak;
        double jitShareAtWarmUpEnd = Double.NaN;
        double compileMsUnderPeak = Double.NaN;
        int streamReconnects;
        double cpuMsPerOrderAtHalfPeak;
        int decisionsReadDirectly;

        private SystemRun(String name) {
            this.name = name;
        }

        /** The raw limits are measured for as many rows and documents as this run wrote events (at least 1,000). */
        int rawLimitRows() {
            return (int) Math.max(eventsWritten, 1000);
        }

        static SystemRun measure(String name, BenchOptions options, Workload workload, Path dataDir, List<String> settings,
                                 int orders, boolean full) throws Exception {
            SystemRun run = new SystemRun(name);
            System.out.printf("%n== %s: %,d orders from %d clients over %,d SKUs ==%n", name, orders, options.concurrency(), options.skus());
            try (Runway app = Runway.start(options, dataDir, settings)) {
                registerCatalogue(app.http, workload);
                List<Placed> placed = new ArrayList<>();
                try (OrderWatch watch = new OrderWatch(app.http)) {
                    LoadPhase load = new LoadPhase(app.http, watch, workload, name, options.phaseTimeout());
                    try (JitWatch jit = new JitWatch(app.http)) {
                        long limit = System.nanoTime() + options.warmUpLimit().toNanos();
                        run.warmUp = load.closedLoop("warm-up", 0, Integer.MAX_VALUE / 2, options.concurrency(),
                                started -> started >= options.warmUpOrders()
                                        && (jit.recentShare() < JIT_SETTLED || System.nanoTime() > limit));
                        run.jitShareAtWarmUpEnd = jit.recentShare();
                    }
                    double compileMsBeforePeak = JitWatch.compileMs(app.http);
                    int warmUp = load.nextIndex();
                    placed.addAll(run.warmUp.accepted());
                    double cpuBefore = app.cpuSeconds();
                    long headBefore = head(app.http);
                    run.peak = load.closedLoop("peak", warmUp, orders, options.concurrency());
                    run.cpuSecondsUnderPeak = app.cpuSeconds() - cpuBefore;
                    run.compileMsUnderPeak = JitWatch.compileMs(app.http) - compileMsBeforePeak;
                    run.eventsDuringPeak = head(app.http) - headBefore;
                    placed.addAll(run.peak.accepted());
                    if (full) {
                        double rate = options.halfPeakRate() > 0 ? options.halfPeakRate() : Math.max(1, run.peak.decidedPerSecond() / 2);
                        int count = (int) Math.max(50, Math.min(orders, rate * options.halfPeakDuration().toSeconds()));
                        double cpuBeforeHalfPeak = app.cpuSeconds();
                        run.halfPeak = load.fixedRate("half-peak", warmUp + orders, count, rate);
                        run.cpuMsPerOrderAtHalfPeak = (app.cpuSeconds() - cpuBeforeHalfPeak) * 1000 / count;
                        placed.addAll(run.halfPeak.accepted());
                    }
                    run.streamReconnects = watch.reconnects();
                    run.decisionsReadDirectly = watch.readDirectly();
                    for (LoadPhase.Result phase : Stream.of(run.warmUp, run.peak, run.halfPeak).filter(p -> p != null).toList()) {
                        phase.refusals().forEach((status, count) -> run.violations.add(phase.name() + ": " + count + " orders answered "
                                + (status == -1 ? "with a connection failure" : status == -2 ? "never" : Integer.toString(status))));
                        phase.undecided().forEach(id -> run.violations.add(phase.name() + ": " + id + " not decided in time"));
                    }
                }
                run.violations.addAll(Invariants.check(app.http, workload, placed));
                run.eventsWritten = head(app.http);
                if (full) {
                    run.replay(app.http);
                    run.violations.addAll(Invariants.check(app.http, workload, placed).stream().map(v -> "after replay: " + v).toList());
                    OptionalInt mongoPort = app.embeddedMongoPort();
                    if (mongoPort.isPresent()) {
                        run.rawMongoInsertDocsPerSecond = RawLimits.mongoInsertDocsPerSecond(mongoPort.getAsInt(), run.rawLimitRows());
                    }
                }
            }
            run.violations.stream().limit(20).forEach(v -> System.out.println("  VIOLATION " + v));
            return run;
        }

        private void replay(Http http) throws InterruptedException {
            long started = System.nanoTime();
            for (String projection : PROJECTIONS) {
                int status = http.post("/api/admin/projections/" + projection + "/replay", null).status();
                if (status != 202) {
                    violations.add("replay of " + projection + " answered " + status);
                }
            }
            long deadline = started + 600_000_000_000L;
            while (System.nanoTime() < deadline) {
                boolean busy = false;
                for (JsonNode status : http.get("/api/admin/projections").json()) {
                    busy |= PROJECTIONS.contains(status.path("name").asText()) && status.path("replaying").asBoolean();
                }
                if (!busy) {
                    break;
                }
                Thread.sleep(50);
            }
            replaySeconds = (System.nanoTime() - started) / 1e9;
            replayEventsPerSecond = eventsWritten / replaySeconds;
        }

        /** From the peak's first POST to its last decision. */
        private double peakSeconds() {
            return peak.secondsToLastDecision();
        }

        double cpuCoresUnderPeak() {
            return cpuSecondsUnderPeak / peakSeconds();
        }

        /**
         * The app's CPU time per order decided during the peak: what an order costs, which moves less
         * from run to run on a noisy machine than the rate (a run whose disk is slow decides fewer orders
         * a second, but each costs about as much).
         */
        double cpuMsPerOrderDecidedUnderPeak() {
            return cpuCoresUnderPeak() * 1000 / peak.decidedPerSecond();
        }

        /** The JIT's compile time during the peak over the peak's wall time (1.0 = one compiler thread busy throughout). */
        double jitShareUnderPeak() {
            return compileMsUnderPeak / 1000 / peakSeconds();
        }

        /** Events appended per second during the peak phase (the stream's head before and after it). */
        double eventsPerSecond() {
            return eventsDuringPeak / peakSeconds();
        }

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            for (LoadPhase.Result phase : Stream.of(warmUp, peak, halfPeak).filter(p -> p != null).toList()) {
                Map<String, Object> figures = new LinkedHashMap<>();
                figures.put("accepted", phase.accepted().size());
                figures.put("ordersPerSecondAccepted", round(phase.acceptedPerSecond()));
                figures.put("ordersPerSecondDecided", round(phase.decidedPerSecond()));
                figures.put("postMs", phase.post().toMap());
                figures.put("postToVisibleMs", phase.visible().toMap());
                figures.put("postToConfirmedMs", phase.confirmed().toMap());
                figures.put("refusals", phase.refusals());
                map.put(phase.name(), figures);
            }
            map.put("warmUpSeconds", round(warmUp.secondsToLastDecision()));
            map.put("jitShareAtWarmUpEnd", round(jitShareAtWarmUpEnd));
            map.put("jitShareUnderPeak", round(jitShareUnderPeak()));
            map.put("appCpuCoresUnderPeak", round(cpuCoresUnderPeak()));
            map.put("appCpuMsPerOrderDecidedUnderPeak", round(cpuMsPerOrderDecidedUnderPeak()));
            map.put("appCpuMsPerOrderAtHalfPeak", round(cpuMsPerOrderAtHalfPeak));
            map.put("eventsWritten", eventsWritten);
            map.put("liveStreamReconnects", streamReconnects);
            map.put("decisionsReadFromTheOrderNotTheStream", decisionsReadDirectly);
            map.put("eventsAppendedPerSecondUnderPeak", round(eventsPerSecond()));
            map.put("replaySeconds", round(replaySeconds));
            map.put("replayEventsPerSecond", round(replayEventsPerSecond));
            map.put("violations", violations.stream().limit(100).toList());
            return map;
        }
    }

    private static void print(SystemRun run) {
        System.out.printf("%n%-10s %8s %10s %10s | %-35s | %-35s | %-35s%n", run.name, "orders", "accepted/s", "decided/s",
                "POST ms  p50 p95 p99 max", "POST→visible ms", "POST→CONFIRMED ms");
        for (LoadPhase.Result phase : Stream.of(run.warmUp, run.peak, run.halfPeak).filter(p -> p != null).toList()) {
            System.out.printf("%-10s %8d %10.1f %10.1f | %s | %s | %s%n", phase.name(), phase.accepted().size(), phase.acceptedPerSecond(),
                    phase.decidedPerSecond(), phase.post(), phase.visible(), phase.confirmed());
        }
        System.out.printf("warm-up: %.0f s; JIT compile time ÷ wall time at its end %.2f (it ends under %.2f, or at its time limit), "
                        + "under the peak %.2f (elapsed compile time, which counts a preempted compiler thread as busy)%n",
                run.warmUp.secondsToLastDecision(), run.jitShareAtWarmUpEnd, JIT_SETTLED, run.jitShareUnderPeak());
        System.out.printf("app CPU under peak: %.2f cores, %.1f ms per order decided; events written: %,d%n",
                run.cpuCoresUnderPeak(), run.cpuMsPerOrderDecidedUnderPeak(), run.eventsWritten);
        if (run.halfPeak != null) {
            System.out.printf("app CPU per order at half peak (fixed rate, from scheduled send to last decision): %.1f ms%n",
                    run.cpuMsPerOrderAtHalfPeak);
        }
        System.out.printf("live stream: reopened %d times; %d decisions not shown on it within %d s, read from the order instead%n",
                run.streamReconnects, run.decisionsReadDirectly, OrderWatch.PATIENCE.toSeconds());
        if (run.replaySeconds > 0) {
            System.out.printf("replay of %s: %.2f s, %,.0f events/s%n", PROJECTIONS, run.replaySeconds, run.replayEventsPerSecond);
        }
    }

    private static void registerCatalogue(Http http, Workload workload) throws InterruptedException {
        List<Http.Request> registrations = workload.catalogue().stream().map(sku -> new Http.Request("POST", "/api/skus",
                Map.<String, Object>of("sku", sku, "name", "Item " + sku, "unitPrice", Map.of("amount", "12.50", "currency", "EUR"),
                        "initialStock", workload.initialStock(sku)))).toList();
        for (Http.Reply reply : http.sendAll(registrations, 16)) {
            if (reply == null || reply.status() != 201) {
                throw new IllegalStateException("registering the catalogue failed: " + (reply == null ? "no connection" : reply.body()));
            }
        }
    }

    private static long head(Http http) {
        long head = 0;
        for (JsonNode status : http.get("/api/admin/projections").json()) {
            head = Math.max(head, status.path("head").asLong());
        }
        return head;
    }

    private static double round(double value) {
        return Double.isFinite(value) ? Math.round(value * 100) / 100.0 : Double.NaN;
    }

    private static void delete(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
