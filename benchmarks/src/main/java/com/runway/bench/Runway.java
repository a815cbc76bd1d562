package com.runway.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The standalone jar, as a newcomer runs it, on a fresh data directory and a free loopback port. */
final class Runway implements AutoCloseable {

    final Path dataDir;
    final Http http;
    private final Process process;

    private Runway(Path dataDir, Http http, Process process) {
        this.dataDir = dataDir;
        this.http = http;
        this.process = process;
    }

    private static final Pattern EMBEDDED_MONGO = Pattern.compile("Embedded MongoDB wire-protocol server on \\S*:(\\d+)");

    static Runway start(BenchOptions options, Path dataDir, List<String> settings) throws IOException, InterruptedException {
        Files.createDirectories(dataDir);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String adminToken = UUID.randomUUID().toString();
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx" + options.appHeap(), "-Daxoniq.update-checker.disabled=true",
                "-jar", options.jar().toAbsolutePath().toString(),
                "--runway.data-dir=" + dataDir.toAbsolutePath(), "--server.port=" + port, "--runway.admin.token=" + adminToken,
                "--server.address=127.0.0.1", "--logging.level.root=WARN", "--logging.level.com.runway=WARN",
                "--logging.level.com.runway.standalone.EmbeddedMongo=INFO"));
        command.addAll(1, options.appJvmOptions());
        command.addAll(settings);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("runway.log").toFile())
                .start();
        Runway runway = new Runway(dataDir, new Http(port, adminToken), process);
        runway.awaitReady();
        return runway;
    }

    private void awaitReady() throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Runway exited with " + process.exitValue() + "; see " + dataDir.resolve("runway.log"));
            }
            try {
                if (http.get("/actuator/health/readiness").status() == 200) {
                    return;
                }
            } catch (RuntimeException notListeningYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        close();
        throw new IllegalStateException("Runway was not ready within 120 s; see " + dataDir.resolve("runway.log"));
    }

    /** The loopback port of the app's embedded MongoDB server, as its log names it; empty when it uses another MongoDB. */
    OptionalInt embeddedMongoPort() throws IOException {
        Matcher port = EMBEDDED_MONGO.matcher(Files.readString(dataDir.resolve("runway.log")));
        return port.find() ? OptionalInt.of(Integer.parseInt(port.group(1))) : OptionalInt.empty();
    }

    /** Java's own view of the app's process: CPU seconds used so far. */
    double cpuSeconds() {
        return process.toHandle().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
