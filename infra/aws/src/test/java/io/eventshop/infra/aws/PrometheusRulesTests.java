package io.eventshop.infra.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The Prometheus alert rules of {@code infra/prometheus}, which mirror the AWS alarms for docker compose, tested with
 * {@code promtool test rules}: every rule has a case where it fires and one where it stays quiet, and promtool agrees
 * with each. promtool comes with Debian's {@code prometheus} package, which {@code .ci/run} installs.
 */
class PrometheusRulesTests {

    private static final Path PROMETHEUS = Path.of("../prometheus");
    private final YAMLMapper yaml = new YAMLMapper();

    @Test
    void everyRuleHasACaseWhereItFiresAndOneWhereItDoesNot() throws IOException {
        Set<String> rules = alertNames();
        Set<String> firing = new LinkedHashSet<>();
        Set<String> quiet = new LinkedHashSet<>();
        for (Path file : testFiles()) {
            for (JsonNode test : yaml.readTree(file.toFile()).path("tests")) {
                for (JsonNode alertTest : test.path("alert_rule_test")) {
                    String name = alertTest.path("alertname").asString();
                    (alertTest.path("exp_alerts").isEmpty() ? quiet : firing).add(name);
                }
            }
        }

        assertThat(rules).isNotEmpty();
        assertThat(firing).as("rules with a case where they fire").containsAll(rules);
        assertThat(quiet).as("rules with a case where they stay quiet").containsAll(rules);
    }

    @Test
    void promtoolPassesEveryTest() throws IOException, InterruptedException {
        String promtool = onPath("promtool");
        List<String> command = new ArrayList<>(List.of(promtool, "test", "rules"));
        testFiles().forEach(file -> command.add(PROMETHEUS.relativize(file).toString()));

        Process process = new ProcessBuilder(command)
                .directory(PROMETHEUS.toFile())
                .redirectErrorStream(true)
                .start();
        boolean finished = process.waitFor(2, TimeUnit.MINUTES);
        String output = new String(process.getInputStream().readAllBytes());

        assertThat(finished).as("promtool finished within two minutes").isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("SUCCESS");
    }

    private Set<String> alertNames() throws IOException {
        Set<String> names = new LinkedHashSet<>();
        try (Stream<Path> files = Files.list(PROMETHEUS)) {
            for (Path file : files.filter(PrometheusRulesTests::isYaml).toList()) {
                for (JsonNode group : yaml.readTree(file.toFile()).path("groups")) {
                    for (JsonNode rule : group.path("rules")) {
                        if (rule.has("alert")) {
                            names.add(rule.path("alert").asString());
                        }
                    }
                }
            }
        }
        return names;
    }

    private static List<Path> testFiles() throws IOException {
        try (Stream<Path> files = Files.list(PROMETHEUS.resolve("tests"))) {
            List<Path> tests =
                    files.filter(PrometheusRulesTests::isYaml).sorted().toList();
            assertThat(tests).as("promtool tests in infra/prometheus/tests").isNotEmpty();
            return tests;
        }
    }

    private static boolean isYaml(Path file) {
        return file.toString().endsWith(".yml") || file.toString().endsWith(".yaml");
    }

    private static String onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new AssertionError(program + " is not on the PATH: install Debian's prometheus package"
                + " (apt-get install prometheus), as .ci/run does");
    }
}
