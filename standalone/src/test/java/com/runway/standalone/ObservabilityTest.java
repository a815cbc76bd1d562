package com.runway.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The metrics an operator watches move when orders flow, and the Prometheus configuration and
 * Grafana dashboard in the repository ask for metrics that really exist, under the names and at
 * the addresses docker-compose gives them.
 */
@SpringBootTest(classes = RunwayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
class ObservabilityTest {

    private static final Path REPOSITORY = Path.of("..");
    private static final Set<String> PROMQL_WORDS = Set.of("sum", "rate", "irate", "increase", "max", "min", "avg", "count",
            "histogram_quantile", "by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless",
            "offset", "clamp_min", "clamp_max", "abs", "time", "le");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        FreshDataDir.register(registry, "observability");
    }

    @Autowired
    WebTestClient http;

    private RunwayApi api;
    private String sku;

    @BeforeEach
    void setUp() {
        api = new RunwayApi(http);
        sku = "METRIC-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        api.registerSku(sku, "30.00", 10);
        api.awaitStock(sku, 10, 0, 10);
    }

    private Map<String, Double> scrape() {
        String text = http.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build()
                .get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        Map<String, Double> samples = new HashMap<>();
        text.lines().filter(line -> !line.startsWith("#") && !line.isBlank()).forEach(line -> {
            int split = line.lastIndexOf(' ');
            samples.put(line.substring(0, split), Double.parseDouble(line.substring(split + 1)));
        });
        return samples;
    }

    private static Set<String> families(Map<String, Double> samples) {
        Set<String> names = new LinkedHashSet<>();
        samples.keySet().forEach(sample -> names.add(sample.contains("{") ? sample.substring(0, sample.indexOf('{')) : sample));
        return names;
    }

    @Test
    void aConfirmedAndTwoRejectedOrdersMoveTheFunnelTheLatencyAndTheCommandMetrics() {
        Map<String, Double> before = scrape();
        String confirmed = api.place(RunwayApi.order("metrics", "tok_visa", "PT", sku, 1));
        String declined = api.place(RunwayApi.order("metrics", "tok_declined", "PT", sku, 1));
        String unknown = api.place(RunwayApi.order("metrics", "tok_visa", "PT", "NO-SUCH-SKU", 1));
        api.awaitOrder(confirmed, "CONFIRMED");
        api.awaitOrder(declined, "REJECTED");
        api.awaitOrder(unknown, "REJECTED");

        await().atMost(RunwayApi.PATIENCE).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            Map<String, Double> after = scrape();
            Map<String, Double> expected = Map.of(
                    "runway_orders_placed_total", 3.0,
                    "runway_orders_confirmed_total", 1.0,
                    "runway_orders_rejected_total{reason=\"PAYMENT_DECLINED\"}", 1.0,
                    "runway_orders_rejected_total{reason=\"UNKNOWN_SKU\"}", 1.0,
                    "runway_orders_rejected_total{reason=\"OUT_OF_STOCK\"}", 0.0,
                    "runway_stock_reservations_rejected_total{reason=\"UNKNOWN_SKU\"}", 1.0,
                    "runway_orders_place_to_confirmed_seconds_count", 1.0,
                    "commandBus_allTimer_seconds_count{payloadType=\"PlaceOrderCommand\"}", 3.0,
                    "commandBus_allTimer_seconds_count{payloadType=\"ConfirmOrderCommand\"}", 1.0);
            expected.forEach((sample, delta) -> assertThat(after.getOrDefault(sample, 0.0) - before.getOrDefault(sample, 0.0))
                    .as(sample).isEqualTo(delta));
            for (String projection : List.of("orders", "skus")) {
                assertThat(after).containsEntry("runway_projection_lag_events{projection=\"" + projection + "\"}", 0.0);
                assertThat(after.get("runway_projection_last_event_age_seconds{projection=\"" + projection + "\"}"))
                        .as(projection + " has handled an event").isNotNaN();
            }
            assertThat(after.get("eventProcessor_latency{processorName=\"FulfilmentSagaProcessor\"}")).isNotNull();
        });
    }

    @Test
    void aReplayIsNotCountedByTheProcessorsMonitorsWhileLiveEventsAre() {
        api.awaitOrder(api.place(RunwayApi.order("metrics", "tok_visa", "PT", sku, 1)), "CONFIRMED");
        await().atMost(RunwayApi.PATIENCE).until(() -> !replaying("orders") && api.get("/api/admin/projections").findValues("lag")
                .stream().allMatch(lag -> lag.asLong() == 0));
        double ingestedBefore = ingestedBy("orders");
        assertThat(ingestedBefore).as("live events counted").isPositive();

        assertThat(api.post("/api/admin/projections/orders/replay").is2xxSuccessful()).isTrue();
        await().atMost(RunwayApi.PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> !replaying("orders"));

        assertThat(ingestedBy("orders")).as("every stored event handled again, none counted").isEqualTo(ingestedBefore);
        api.awaitOrder(api.place(RunwayApi.order("metrics", "tok_visa", "PT", sku, 1)), "CONFIRMED");
        await().atMost(RunwayApi.PATIENCE).untilAsserted(() ->
                assertThat(ingestedBy("orders")).as("live events counted again").isGreaterThan(ingestedBefore));
    }

    private boolean replaying(String projection) {
        for (JsonNode status : api.get("/api/admin/projections")) {
            if (status.get("name").asText().equals(projection)) {
                return status.get("replaying").asBoolean();
            }
        }
        throw new AssertionError("no projection " + projection);
    }

    private double ingestedBy(String processor) {
        return scrape().entrySet().stream()
                .filter(sample -> sample.getKey().startsWith("eventProcessor_ingestedCounter_total{")
                        && sample.getKey().contains("processorName=\"" + processor + "\""))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    @Test
    void everyMetricTheDashboardChartsIsExposed() throws IOException {
        api.awaitOrder(api.place(RunwayApi.order("metrics", "tok_visa", "PT", sku, 1)), "CONFIRMED");
        Set<String> exposed = families(scrape());

        JsonNode dashboard = new ObjectMapper().readTree(REPOSITORY.resolve("observability/grafana/dashboards/runway.json").toFile());
        assertThat(dashboard.get("panels")).isNotEmpty();
        for (JsonNode panel : dashboard.get("panels")) {
            assertThat(panel.get("datasource").get("uid").asText()).isEqualTo(datasourceUid());
            assertThat(panel.get("targets")).as(panel.get("title").asText()).isNotEmpty();
            for (JsonNode target : panel.get("targets")) {
                Set<String> metrics = metricNames(target.get("expr").asText());
                assertThat(metrics).as(panel.get("title").asText()).isNotEmpty();
                assertThat(exposed).as(panel.get("title").asText() + ": " + target.get("expr").asText()).containsAll(metrics);
            }
        }
    }

    @Test
    void prometheusScrapesEveryServiceWhereDockerComposeRunsIt() throws IOException {
        Map<String, Object> compose = yaml("docker-compose.yml");
        Map<String, Object> services = map(compose.get("services"));
        Map<String, Object> prometheus = yaml("observability/prometheus.yml");
        List<Map<String, Object>> jobs = list(prometheus.get("scrape_configs"));

        Map<String, Object> runway = jobs.stream().filter(job -> "runway".equals(job.get("job_name"))).findFirst().orElseThrow();
        assertThat(runway.get("metrics_path")).isEqualTo("/actuator/prometheus");
        Map<String, Object> discovery = map(ObservabilityTest.<Object>list(runway.get("dns_sd_configs")).get(0));
        List<Object> names = list(discovery.get("names"));
        assertThat(names).containsExactlyInAnyOrder("command-side", "sagas", "query-side", "api-gateway");
        for (Object name : names) {
            assertThat(map(map(services.get(name)).get("environment")).get("SERVER_PORT")).as((String) name)
                    .isEqualTo(String.valueOf(discovery.get("port")));
        }
        Map<String, Object> axonServer = jobs.stream().filter(job -> "axonserver".equals(job.get("job_name"))).findFirst().orElseThrow();
        assertThat(ObservabilityTest.<Object>list(map(ObservabilityTest.<Object>list(axonServer.get("static_configs")).get(0)).get("targets")))
                .containsExactly("axonserver:8024");
        assertThat(services).containsKeys("axonserver", "prometheus", "grafana");
        assertThat(list(map(services.get("grafana")).get("volumes")))
                .contains("./observability/grafana/dashboards:/var/lib/grafana/dashboards:ro");
        Map<String, Object> provider = map(ObservabilityTest.<Object>list(yaml("observability/grafana/provisioning/dashboards/runway.yml").get("providers")).get(0));
        assertThat(map(provider.get("options"))).containsEntry("path", "/var/lib/grafana/dashboards");
    }

    private static String datasourceUid() throws IOException {
        return (String) map(ObservabilityTest.<Object>list(yaml("observability/grafana/provisioning/datasources/prometheus.yml").get("datasources")).get(0)).get("uid");
    }

    /** The metric names a PromQL expression reads: identifiers that are not functions, keywords, labels or ranges. */
    static Set<String> metricNames(String expr) {
        String bare = expr.replaceAll("\\{[^}]*}", " ").replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without)\\s*\\([^)]*\\)", " ");
        Set<String> names = new LinkedHashSet<>();
        Matcher identifier = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*+").matcher(bare);
        while (identifier.find()) {
            String word = identifier.group();
            boolean function = bare.substring(identifier.end()).stripLeading().startsWith("(");
            if (!function && !PROMQL_WORDS.contains(word)) {
                names.add(word);
            }
        }
        return names;
    }

    private static Map<String, Object> yaml(String file) throws IOException {
        return new Yaml().load(Files.readString(REPOSITORY.resolve(file)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Object value) {
        return (List<T>) value;
    }
}
