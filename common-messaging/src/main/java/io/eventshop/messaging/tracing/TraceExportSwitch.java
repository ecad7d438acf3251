package io.eventshop.messaging.tracing;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Records and exports spans only where they have somewhere to go: where {@code management.tracing.export.zipkin.endpoint}
 * is set (as {@code MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT} by the devstack when tracing is on, docker compose and
 * the AWS stack).
 *
 * <ul>
 *   <li>With an endpoint, every trace is sampled ({@value #SAMPLING} = 1.0), so that each order's saga is one whole
 *       trace, and Boot's own rules decide the export.
 *   <li>Without one, the Zipkin export is off ({@value #ENABLED} = false): Boot's default would send every batch of
 *       spans to {@code localhost:9411} and log a warning for each one that finds nothing there. And nothing is sampled
 *       ({@value #SAMPLING} = 0.0): recording a span that no one will read costs CPU for nothing. The spans are still
 *       made, unrecorded: trace ids go on in the logs and in order-service's
 *       answers, and the messages carry their context, marked not sampled.
 * </ul>
 *
 * <p>These defaults sit below every other source and are computed when asked for, so an explicit setting of either
 * property wins.
 */
final class TraceExportSwitch implements EnvironmentPostProcessor {

    static final String ENDPOINT = "management.tracing.export.zipkin.endpoint";
    static final String ENABLED = "management.tracing.export.zipkin.enabled";
    static final String SAMPLING = "management.tracing.sampling.probability";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new DefaultsByEndpoint(environment));
    }

    /** The two defaults, by whether an endpoint is set. */
    private static final class DefaultsByEndpoint extends EnumerablePropertySource<Object> {

        private static final Map<String, Object> WITH_ENDPOINT = Map.of(SAMPLING, 1.0);
        private static final Map<String, Object> WITHOUT_ENDPOINT = Map.of(SAMPLING, 0.0, ENABLED, false);

        private final Environment environment;

        DefaultsByEndpoint(Environment environment) {
            super("eventshopTraceExportByEndpoint", new Object());
            this.environment = environment;
        }

        /** Fixed, unlike the values: computing them would ask the environment, which asks this source for its names. */
        @Override
        public String[] getPropertyNames() {
            return new String[] {SAMPLING, ENABLED};
        }

        @Override
        public @Nullable Object getProperty(String name) {
            if (!SAMPLING.equals(name) && !ENABLED.equals(name)) {
                return null;
            }
            return (endpointSet() ? WITH_ENDPOINT : WITHOUT_ENDPOINT).get(name);
        }

        private boolean endpointSet() {
            return StringUtils.hasText(environment.getProperty(ENDPOINT));
        }
    }
}
