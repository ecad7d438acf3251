package io.eventshop.messaging.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.awspring.cloud.autoconfigure.core.AwsAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.CredentialsProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.RegionProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.metrics.CloudWatchExportAutoConfiguration;
import io.micrometer.cloudwatch2.CloudWatchMeterRegistry;
import io.micrometer.core.instrument.Meter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * What reaches CloudWatch: only eventshop's meters, under the names and dimensions that infra/aws's alarms and
 * dashboard read, and only where a namespace is set (on AWS).
 */
class CloudWatchMetricsConfigurationTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    AwsAutoConfiguration.class,
                    CredentialsProviderAutoConfiguration.class,
                    RegionProviderAutoConfiguration.class,
                    MetricsAutoConfiguration.class,
                    CompositeMeterRegistryAutoConfiguration.class,
                    CloudWatchExportAutoConfiguration.class))
            .withUserConfiguration(CloudWatchMetricsConfiguration.class)
            .withPropertyValues(
                    "spring.cloud.aws.region.static=us-east-1",
                    "spring.cloud.aws.credentials.access-key=test",
                    "spring.cloud.aws.credentials.secret-key=test",
                    // The registry is built and filtered, but never pushes: this test has no CloudWatch to talk to.
                    "management.cloudwatch.metrics.export.enabled=false");

    @Test
    void withANamespaceOnlyEventshopsMetersGoToCloudWatchUnderTheirOwnNames() {
        context.withPropertyValues(
                        "management.cloudwatch.metrics.export.namespace=eventshop",
                        "management.metrics.tags.service=order-service")
                .run(started -> {
                    CloudWatchMeterRegistry registry = started.getBean(CloudWatchMeterRegistry.class);

                    registry.gauge("eventshop.outbox.pending", 3);
                    registry.counter("eventshop.orders.outcomes", "status", "CONFIRMED");
                    registry.gauge("jvm.threads.live", 42);
                    registry.counter("http.server.requests");

                    assertThat(registry.getMeters())
                            .extracting(meter -> meter.getId().getName())
                            .containsExactlyInAnyOrder("eventshop.outbox.pending", "eventshop.orders.outcomes");
                    Meter outcomes = registry.get("eventshop.orders.outcomes").meter();
                    assertThat(outcomes.getId()
                                    .getConventionName(registry.config().namingConvention()))
                            .isEqualTo("eventshop.orders.outcomes");
                    assertThat(outcomes.getId()
                                    .getConventionTags(registry.config().namingConvention()))
                            .extracting(tag -> tag.getKey() + "=" + tag.getValue())
                            .containsExactlyInAnyOrder("service=order-service", "status=CONFIRMED");
                });
    }

    @Test
    void withoutANamespaceNothingGoesToCloudWatch() {
        context.run(started -> assertThat(started).doesNotHaveBean(CloudWatchMeterRegistry.class));
    }
}
