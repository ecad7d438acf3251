package io.eventshop.messaging.metrics;

import io.micrometer.cloudwatch2.CloudWatchMeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Sends only eventshop's own meters ({@code eventshop.*}: the relay's backlog and lag, the orders' outcomes, ...) to
 * CloudWatch, where the alarms and the dashboard of infra/aws read them. CloudWatch bills every metric, and the JVM,
 * HTTP and pool meters would be hundreds more per service; they stay on {@code /actuator/prometheus}.
 *
 * <p>Spring Cloud AWS creates the {@link CloudWatchMeterRegistry} only when
 * {@code management.cloudwatch.metrics.export.namespace} is set, which the CDK stack does and nothing local does.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(CloudWatchMeterRegistry.class)
public class CloudWatchMetricsConfiguration {

    /** The prefix of the meters that go to CloudWatch. */
    public static final String EXPORTED_PREFIX = "eventshop.";

    @Bean
    MeterRegistryCustomizer<CloudWatchMeterRegistry> onlyEventshopMetersToCloudWatch() {
        return registry -> registry.config()
                .meterFilter(MeterFilter.denyUnless(id -> id.getName().startsWith(EXPORTED_PREFIX)));
    }
}
