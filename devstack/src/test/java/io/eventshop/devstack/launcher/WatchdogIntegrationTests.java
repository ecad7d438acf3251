package io.eventshop.devstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchdogIntegrationTests {

    @Test
    void aServiceExitsWhenItsLauncherIsKilledWithoutStoppingIt(@TempDir Path dir) throws Exception {
        Path jar = StandInJars.write(dir.resolve("stand-in.jar"));
        try (JavaMain launcher = JavaMain.start(LaunchOneAndWait.class, jar, JavaMain.freePort())) {
            String started = await().atMost(Duration.ofMinutes(2))
                    .until(() -> launcher.line("service pid ").orElse(null), line -> line != null);
            long service = Long.parseLong(started.substring("service pid ".length()));
            assertThat(JavaMain.isAlive(service)).isTrue();

            launcher.process().destroyForcibly().waitFor();

            await().atMost(Duration.ofSeconds(30))
                    .alias("the stand-in service " + service + " exits after its launcher was killed with SIGKILL")
                    .until(() -> !JavaMain.isAlive(service));
        }
    }
}
