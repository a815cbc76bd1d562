package com.runway.standalone;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page at / in a real headless Chromium: it lists the orders live and shows a cancelled order's
 * journey with its compensations marked; a screenshot is left in target/screenshots for a person
 * to look at. Skipped where no Chromium is installed.
 */
@SpringBootTest(classes = RunwayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JourneyPageTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        FreshDataDir.register(registry, "journey-page");
    }

    @LocalServerPort
    int port;
    @Autowired
    WebTestClient http;

    @Test
    void thePageListsOrdersLiveAndShowsAJourneyWithItsCompensationsMarked() throws Exception {
        Optional<String> chromium = chromium();
        Assumptions.assumeTrue(chromium.isPresent(), "no Chromium on PATH (chromium, chromium-browser or google-chrome)");
        RunwayApi api = new RunwayApi(http);
        api.registerSku("PAGE-1", "25.00", 5);
        String kept = api.place(RunwayApi.order("page-viewer", "tok_visa", "PT", "PAGE-1", 1));
        String cancelled = api.place(RunwayApi.order("page-viewer", "tok_visa", "PT", "PAGE-1", 2));
        api.awaitOrder(kept, "CONFIRMED");
        api.awaitOrder(cancelled, "CONFIRMED");
        assertThat(api.post("/api/orders/" + cancelled + "/cancel")).isEqualTo(HttpStatus.ACCEPTED);
        api.awaitOrder(cancelled, "CANCELLED");

        // a headless browser waits on open connections, so it takes the page's one-off rendering (live=0);
        // the live stream behind the normal view is checked over HTTP below
        String url = "http://127.0.0.1:" + port + "/?live=0&order=" + cancelled;
        String dom = run(chromium.get(), "--dump-dom", url);
        assertThat(dom).contains(kept.substring(0, 8)).contains(cancelled.substring(0, 8))
                .contains("status CANCELLED").contains("status CONFIRMED")
                .contains("Journey of order " + cancelled)
                .contains("placed by page-viewer via WEB: 2 × PAGE-1, to PT")
                .contains("released 2 × PAGE-1")
                .contains("step compensation");

        Path screenshot = Path.of("target", "screenshots", "journey.png").toAbsolutePath();
        Files.createDirectories(screenshot.getParent());
        Files.deleteIfExists(screenshot);
        run(chromium.get(), "--screenshot=" + screenshot, url);
        assertThat(screenshot).exists();
        assertThat(Files.size(screenshot)).as("a rendered page, not a blank one").isGreaterThan(20_000);
    }

    @Test
    void theLiveStreamBehindThePageStartsWithTheNewestOrders() throws Exception {
        RunwayApi api = new RunwayApi(http);
        api.registerSku("PAGE-2", "25.00", 5);
        String orderId = api.place(RunwayApi.order("stream-viewer", "tok_visa", "PT", "PAGE-2", 1));
        api.awaitOrder(orderId, "CONFIRMED");
        HttpResponse<InputStream> stream = new HttpDriver(port).openStream("/api/orders/updates?size=5").join();
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            assertThat(stream.statusCode()).isEqualTo(200);
            String event = null;
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.startsWith("data:") && line.contains(orderId)) {
                    event = line;
                    break;
                }
            }
            assertThat(event).contains("\"status\":\"CONFIRMED\"");
        }
        http.get().uri("/").exchange().expectStatus().isOk()
                .expectBody(String.class).value(page -> assertThat(page).contains("new EventSource(\"/api/orders/updates"));
    }

    private static String run(String chromium, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(chromium, "--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--window-size=1400,900", "--virtual-time-budget=5000"));
        command.addAll(Arrays.asList(arguments));
        Path out = Files.createTempFile("chromium", ".out");
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectOutput(out.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException("Chromium did not finish");
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static Optional<String> chromium() {
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                File candidate = new File(dir, name);
                if (candidate.canExecute()) {
                    return Optional.of(candidate.getAbsolutePath());
                }
            }
        }
        return Optional.empty();
    }
}
