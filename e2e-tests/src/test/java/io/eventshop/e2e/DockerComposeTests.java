package io.eventshop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.devstack.launcher.LocalSystem;
import io.eventshop.devstack.launcher.ServiceSpec;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
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
