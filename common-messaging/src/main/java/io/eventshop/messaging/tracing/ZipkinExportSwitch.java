package io.eventshop.messaging.tracing;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Turns the export of spans to Zipkin off unless {@code management.tracing.export.zipkin.endpoint} is set (as
 * {@code MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT} by the devstack when tracing is on, docker compose and the AWS
 * stack). Spring Boot's default would send every batch of spans to {@code localhost:9411} and log a warning for each one
 * that finds nothing there: in tests, and wherever no trace backend runs.
 *
 * <p>The default sits below every other source and is computed when asked for, so an explicit
 * {@code management.tracing.export.zipkin.enabled} wins, and with an endpoint set Boot's own rules apply (including
 * {@code management.tracing.export.enabled}). Spans are still made without an endpoint: trace ids go on in the logs and
 * in order-service's answers, and the messages carry their context.
 */
final class ZipkinExportSwitch implements EnvironmentPostProcessor {

    static final String ENDPOINT = "management.tracing.export.zipkin.endpoint";
    static final String ENABLED = "management.tracing.export.zipkin.enabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new OffWithoutEndpoint(environment));
    }

    /** {@value #ENABLED} = false while no endpoint is set; nothing otherwise. */
    private static final class OffWithoutEndpoint extends EnumerablePropertySource<Object> {

        private final Environment environment;

        OffWithoutEndpoint(Environment environment) {
            super("eventshopZipkinExportOffWithoutEndpoint", new Object());
            this.environment = environment;
        }

        /** Fixed, unlike the value: computing it would ask the environment, which asks this source for its names. */
        @Override
        public String[] getPropertyNames() {
            return new String[] {ENABLED};
        }

        @Override
        public @Nullable Object getProperty(String name) {
            return ENABLED.equals(name) && !endpointSet() ? Boolean.FALSE : null;
        }

        private boolean endpointSet() {
            return StringUtils.hasText(environment.getProperty(ENDPOINT));
        }
    }
}
