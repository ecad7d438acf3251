package io.eventshop.devstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code devstack up} from start to Ctrl-C, in a JVM of its own, with {@link StandInService}s in place of the real
 * services (the devstack is built before them). The time the real system takes to be ready is measured by hand, and
 * recorded in the devstack's README.
 */
class UpIntegrationTests {

    @Test
    void ctrlCWhileStartingStopsWhatHasStartedAndLeavesNoPort(@TempDir Path project) throws Exception {
        StandInJars.writeAll(project, ServiceSpec.ALL);
        List<Integer> ports = freePorts();
        try (JavaMain up = JavaMain.start(UpOnFreePorts.class, arguments(project, ports))) {
            await().atMost(Duration.ofMinutes(3))
                    .alias("the AWS endpoint has started, PostgreSQL may still be starting")
                    .until(() -> up.line("devstack  | AWS endpoint ready").isPresent()
                            || !up.process().isAlive());

            up.interrupt();

            assertThat(up.process().waitFor(2, TimeUnit.MINUTES))
                    .as("up has exited after Ctrl-C")
                    .isTrue();
            assertThat(up.process().descendants()).isEmpty();
            assertThat(ports).allMatch(JavaMain::isFree);
        }
    }

    @Test
    void ctrlCStopsTheServicesWhileTheirDatabaseAndEndpointAnswerAndLeavesNoProcessNorPort(@TempDir Path project)
            throws Exception {
        StandInJars.writeAll(project, ServiceSpec.ALL);
        List<Integer> ports = freePorts();
        try (JavaMain up = JavaMain.start(UpOnFreePorts.class, arguments(project, ports))) {
            await().atMost(Duration.ofMinutes(3))
                    .alias("the summary of a system that is up")
                    .until(() -> up.line("eventshop is ready in").isPresent()
                            || !up.process().isAlive());
            assertThat(up.line("eventshop is ready in"))
                    .as(String.join("\n", up.output()))
                    .isPresent();
            List<ProcessHandle> services = up.process()
                    .children()
                    .filter(child -> child.info()
                            .commandLine()
                            .map(line -> line.contains("-jar"))
                            .orElse(false))
                    .toList();
            assertThat(services).hasSize(ServiceSpec.ALL.size());

            up.interrupt();

            assertThat(up.process().waitFor(2, TimeUnit.MINUTES))
                    .as("up has exited after Ctrl-C")
                    .isTrue();
            assertThat(services).noneMatch(ProcessHandle::isAlive);
            assertThat(ports).allMatch(JavaMain::isFree);
            assertThat(up.output())
                    .as("what each service saw while it stopped, in:%n%s", String.join("\n", up.output()))
                    .filteredOn(line -> line.contains("stand-in stopping"))
                    .hasSize(ServiceSpec.ALL.size())
                    .allMatch(line -> line.endsWith("PostgreSQL answers true, the AWS endpoint answers true"));
        }
    }

    /** The AWS endpoint's, PostgreSQL's and then each service's. */
    private static List<Integer> freePorts() throws IOException {
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < 2 + ServiceSpec.ALL.size(); i++) {
            ports.add(JavaMain.freePort());
        }
        return ports;
    }

    private static Object[] arguments(Path project, List<Integer> ports) {
        List<Object> arguments = new ArrayList<>(List.of(project));
        arguments.addAll(ports);
        return arguments.toArray();
    }
}
