package com.runway.bench;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Follows the app's JIT compiler through the compile time its metrics report
 * ({@code jvm_compilation_time_ms_total} on {@code /actuator/prometheus}), so that the warm-up can
 * last until the compiler has settled. On this 2-core machine C1 and C2 took 20–25 % of the app's CPU
 * for the first ~150 s of load and under 5 % after that: a peak measured before that measures the
 * compiler as much as the app.
 */
final class JitWatch implements AutoCloseable {

    record Sample(long at, double compileMs) {
    }

    static final long INTERVAL_MS = 5_000;
    static final int WINDOW_SAMPLES = 3;

    private final Http http;
    private final Deque<Sample> window = new ArrayDeque<>();
    private final AtomicBoolean open = new AtomicBoolean(true);
    private final Thread sampler;
    private volatile double recentShare = Double.NaN;

    JitWatch(Http http) {
        this.http = http;
        sampler = new Thread(() -> {
            while (open.get()) {
                sample();
                try {
                    Thread.sleep(INTERVAL_MS);
                } catch (InterruptedException stopped) {
                    return;
                }
            }
        }, "jit-watch");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        double compileMs = compileMs(http);
        if (Double.isNaN(compileMs)) {
            return;
        }
        Sample now = new Sample(System.nanoTime(), compileMs);
        synchronized (window) {
            window.addLast(now);
            while (window.size() > WINDOW_SAMPLES + 1) {
                window.removeFirst();
            }
            if (window.size() == WINDOW_SAMPLES + 1) {
                Sample first = window.peekFirst();
                recentShare = (now.compileMs() - first.compileMs()) / ((now.at() - first.at()) / 1e6);
            }
        }
    }

    /** Compile time over wall time in the last ~15 s (1.0 = one compiler thread busy throughout); NaN until known. */
    double recentShare() {
        return recentShare;
    }

    /** The app's compile time so far, in ms; NaN if its metrics do not say. */
    static double compileMs(Http http) {
        Http.Reply reply;
        try {
            reply = http.get("/actuator/prometheus");
        } catch (RuntimeException unreachable) {
            return Double.NaN;
        }
        if (reply.status() != 200) {
            return Double.NaN;
        }
        return parse(reply.body());
    }

    static double parse(String prometheus) {
        double total = Double.NaN;
        for (String line : prometheus.split("\n")) {
            if (line.startsWith("jvm_compilation_time_ms_total")) {
                double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                total = Double.isNaN(total) ? value : total + value;
            }
        }
        return total;
    }

    @Override
    public void close() {
        open.set(false);
        sampler.interrupt();
    }
}
