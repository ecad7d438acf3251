package io.eventshop.messaging.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class ZipkinExportSwitchTests {

    private final ZipkinExportSwitch exportSwitch = new ZipkinExportSwitch();

    @Test
    void withoutAnEndpointZipkinExportIsOff() {
        var environment = new MockEnvironment();

        exportSwitch.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(ZipkinExportSwitch.ENABLED, Boolean.class))
                .isFalse();
    }

    @Test
    void withAnEndpointBootDecides() {
        var environment =
                new MockEnvironment().withProperty(ZipkinExportSwitch.ENDPOINT, "http://localhost:9411/api/v2/spans");

        exportSwitch.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(ZipkinExportSwitch.ENABLED)).isNull();
    }

    @Test
    void anExplicitSettingWins() {
        var environment = new MockEnvironment().withProperty(ZipkinExportSwitch.ENABLED, "true");

        exportSwitch.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(ZipkinExportSwitch.ENABLED, Boolean.class))
                .isTrue();
    }
}
