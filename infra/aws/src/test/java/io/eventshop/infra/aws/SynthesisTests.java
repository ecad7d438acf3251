package io.eventshop.infra.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;

class SynthesisTests {

    @TempDir
    Path out;

    @Test
    void theAppSynthesizesWithNoUnacknowledgedFinding() throws IOException {
        App app = new App(AppProps.builder().outdir(out.toString()).build());
        EventshopApp.build(app, DeploymentSettings.defaults());
        try {
            app.synth();
        } catch (RuntimeException e) {
            Path report = out.resolve("validation-report.json");
            System.out.println(Files.exists(report) ? Files.readString(report) : "no report");
            throw e;
        }
        assertThat(out.resolve("eventshop-messaging.template.json")).exists();
    }
}
