package io.eventshop.messaging.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class TraceExportSwitchTests {

    private final TraceExportSwitch exportSwitch = new TraceExportSwitch();

    @Test
    void withoutAnEndpointNothingIsSampledAndZipkinExportIsOff() {
        var environment = new MockEnvironment();

        exportSwitch.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(TraceExportSwitch.ENABLED, Boolean.class))
                .isFalse();
        assertThat(environment.getProperty(TraceExportSwitch.SAMPLING, Double.class))
                .isZero();
    }

    @Test
    void withAnEndpointEveryTraceIsSampledAndBootDecidesTheExport() {
        var environment =
                new MockEnvironment().withProperty(TraceExportSwitch.ENDPOINT, "http://localhost:9411/api/v2/spans");

        exportSwitch.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(TraceExportSwitch.ENABLED)).isNull();
        assertThat(environment.getProperty(TraceExportSwitch.SAMPLING, Double.class))
                .isEqualTo(1.0);
    }

    @Test
    void explicitSettingsWin() {
        var environment = new MockEnvironment()
                .withProperty(TraceExportSwitch.ENABLED, "true")
                .withProperty(TraceExportSwitch.SAMPLING, "0.5");

        exportSwitch.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(TraceExportSwitch.ENABLED, Boolean.class))
                .isTrue();
        assertThat(environment.getProperty(TraceExportSwitch.SAMPLING, Double.class))
                .isEqualTo(0.5);
    }
}
