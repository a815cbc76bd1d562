package com.runway.standalone;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/** The standalone app as a process of its own, on a data directory that outlives it. */
final class RunwayProcess {

    private final Path dataDir;
    private final int port;
    private final List<String> settings;
    private Process process;
    private int starts;

    RunwayProcess(Path dataDir, String... settings) throws IOException {
        this.dataDir = dataDir;
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
        this.settings = List.of(settings);
    }

    int port() {
        return port;
    }

    /** Starts the app and returns once it reports ready. */
    void start() throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Daxoniq.update-checker.disabled=true",
                "-cp", classPath, RunwayApplication.class.getName(),
                "--runway.data-dir=" + dataDir, "--server.port=" + port));
        command.addAll(settings);
        starts++;
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("run-" + starts + ".log").toFile())
                .start();
        HttpDriver http = new HttpDriver(port);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("Runway exited with " + process.exitValue() + ":\n" + logTail());
                    }
                    try {
                        return http.get("/actuator/health/readiness").status() == 200;
                    } catch (CompletionException notListeningYet) {
                        return false;
                    }
                });
    }

    private String logTail() throws IOException {
        List<String> lines = Files.readAllLines(dataDir.resolve("run-" + starts + ".log"));
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or closed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("Runway did not die");
        }
    }

    /** SIGTERM, then waits for the graceful shutdown to finish. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
