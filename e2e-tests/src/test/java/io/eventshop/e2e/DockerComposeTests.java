package io.eventshop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.devstack.launcher.LocalSystem;
import io.eventshop.devstack.launcher.ServiceSpec;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * docker-compose.yml runs the services as the devstack does: the same environment variables, one database each, and
 * health checks that gate the order of start-up. Docker is not needed to check that.
 */
class DockerComposeTests {

    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();

    private static JsonNode compose() throws IOException {
        return new YAMLMapper().readTree(Files.readString(PROJECT.resolve("docker-compose.yml")));
    }

    private static Map<String, String> environmentOf(JsonNode service) {
        Map<String, String> environment = new HashMap<>();
        service.path("environment")
                .properties()
                .forEach(e -> environment.put(e.getKey(), e.getValue().asString()));
        return environment;
    }

    @Test
    void everyServiceGetsTheDevstacksEnvironmentWithItsOwnDatabase() throws IOException {
        JsonNode services = compose().path("services");

        for (ServiceSpec spec : ServiceSpec.ALL) {
            JsonNode service = services.path(spec.name());
            assertThat(service.isMissingNode()).as(spec.name()).isFalse();
            Map<String, String> expected = LocalSystem.environment(
                    "jdbc:postgresql://postgres:5432/" + spec.database(), URI.create("http://localstack:4566"));
            assertThat(environmentOf(service)).as(spec.name()).containsAllEntriesOf(expected);
            assertThat(service.path("build").path("args").path("SERVICE").asString())
                    .isEqualTo(spec.name());
            assertThat(service.path("ports").get(0).asString()).startsWith(spec.port() + ":");
        }
    }

    @Test
    void servicesWaitForHealthyLocalStackAndPostgres() throws IOException {
        JsonNode compose = compose();
        JsonNode services = compose.path("services");

        assertThat(services.path("localstack").path("image").asString())
                .matches("localstack/localstack:\\d+\\.\\d+\\.\\d+");
        assertThat(services.path("postgres").path("image").asString()).matches("postgres:[\\d.]+.*");
        for (ServiceSpec spec : ServiceSpec.ALL) {
            JsonNode dependsOn = services.path(spec.name()).path("depends_on");
            assertThat(dependsOn.path("localstack").path("condition").asString())
                    .isEqualTo("service_healthy");
            assertThat(dependsOn.path("postgres").path("condition").asString()).isEqualTo("service_healthy");
            assertThat(services.path(spec.name())
                            .path("healthcheck")
                            .path("test")
                            .toString())
                    .contains("/actuator/health/readiness");
        }
        assertThat(services.path("localstack").path("healthcheck").path("test").isArray())
                .isTrue();
    }

    @Test
    void everyServiceSendsAllItsSpansToZipkin() throws IOException {
        JsonNode services = compose().path("services");

        assertThat(services.path("zipkin").path("image").asString()).matches("openzipkin/zipkin:\\d+\\.\\d+\\.\\d+");
        assertThat(services.path("zipkin").path("ports").get(0).asString()).isEqualTo("9411:9411");
        for (ServiceSpec spec : ServiceSpec.ALL) {
            JsonNode service = services.path(spec.name());
            assertThat(environmentOf(service))
                    .as(spec.name())
                    .containsEntry("MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT", "http://zipkin:9411/api/v2/spans")
                    .containsEntry("MANAGEMENT_TRACING_SAMPLING_PROBABILITY", "1.0");
            assertThat(service.path("depends_on").has("zipkin")).as(spec.name()).isTrue();
        }
    }

    @Test
    void prometheusScrapesEveryServiceAsAJobOfItsNameAndLoadsTheAlertRules() throws IOException {
        JsonNode prometheus = compose().path("services").path("prometheus");
        JsonNode config =
                new YAMLMapper().readTree(Files.readString(PROJECT.resolve("infra/prometheus/prometheus.yml")));

        assertThat(prometheus.path("image").asString()).matches("prom/prometheus:v\\d+\\.\\d+\\.\\d+");
        assertThat(prometheus.path("volumes").toString())
                .contains("./infra/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml")
                .contains("./infra/prometheus/alerts.yml:/etc/prometheus/alerts.yml");
        assertThat(config.path("rule_files").toString()).contains("/etc/prometheus/alerts.yml");
        Map<String, JsonNode> jobs = new HashMap<>();
        config.path("scrape_configs")
                .forEach(job -> jobs.put(job.path("job_name").asString(), job));
        JsonNode services = compose().path("services");
        for (ServiceSpec spec : ServiceSpec.ALL) {
            JsonNode job = jobs.get(spec.name());
            assertThat(job).as("a scrape job named %s", spec.name()).isNotNull();
            assertThat(job.path("metrics_path").asString()).isEqualTo("/actuator/prometheus");
            String port = environmentOf(services.path(spec.name())).get("SERVER_PORT");
            assertThat(job.path("static_configs").get(0).path("targets").toString())
                    .isEqualTo("[\"" + spec.name() + ":" + port + "\"]");
        }
        assertThat(jobs).hasSize(ServiceSpec.ALL.size());
    }

    @Test
    void grafanaProvisionsTheDataSourcesThatItsDashboardsUseAndLetsAnyoneView() throws IOException {
        JsonNode grafana = compose().path("services").path("grafana");
        assertThat(grafana.path("volumes").toString())
                .contains("./infra/grafana/provisioning:/etc/grafana/provisioning")
                .contains("./infra/grafana/dashboards:/var/lib/grafana/dashboards");
        assertThat(environmentOf(grafana))
                .containsEntry("GF_AUTH_ANONYMOUS_ENABLED", "true")
                .containsEntry("GF_AUTH_ANONYMOUS_ORG_ROLE", "Viewer");

        JsonNode sources = new YAMLMapper()
                .readTree(Files.readString(PROJECT.resolve("infra/grafana/provisioning/datasources/datasources.yml")));
        Map<String, String> urls = new HashMap<>();
        sources.path("datasources")
                .forEach(source -> urls.put(
                        source.path("uid").asString(), source.path("url").asString()));
        assertThat(urls).containsEntry("prometheus", "http://prometheus:9090");

        List<Path> dashboards;
        try (Stream<Path> files = Files.list(PROJECT.resolve("infra/grafana/dashboards"))) {
            dashboards = files.filter(file -> file.toString().endsWith(".json")).toList();
        }
        assertThat(dashboards).isNotEmpty();
        for (Path file : dashboards) {
            JsonNode dashboard = new JsonMapper().readTree(Files.readString(file));
            List<String> used = dashboard.findValues("datasource").stream()
                    .map(source -> source.path("uid").asString())
                    .filter(uid -> !uid.startsWith("-- "))
                    .distinct()
                    .toList();
            assertThat(used).as(file.toString()).isNotEmpty();
            assertThat(urls.keySet()).as(file.toString()).containsAll(used);
            assertThat(dashboard.path("panels").size()).as(file.toString()).isPositive();
        }
    }

    @Test
    void localStackRunsTheEventBridgeProviderThatMatchesEventRulerPatterns() throws IOException {
        assertThat(environmentOf(compose().path("services").path("localstack")))
                .containsEntry("PROVIDER_OVERRIDE_EVENTS", "v2");
    }

    @Test
    void theDockerfileBuildsTheServiceItIsGiven() throws IOException {
        String dockerfile = Files.readString(PROJECT.resolve("infra/docker/Dockerfile"));

        assertThat(dockerfile)
                .contains("ARG SERVICE")
                .contains("-pl ${SERVICE}")
                .contains("ENTRYPOINT");
        assertThat(Files.readString(PROJECT.resolve("infra/docker/postgres/init.sql")))
                .contains(ServiceSpec.ALL.stream()
                        .map(spec -> "CREATE DATABASE " + spec.database() + ";")
                        .toList());
    }
}
