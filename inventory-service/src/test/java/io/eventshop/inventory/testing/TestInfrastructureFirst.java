package io.eventshop.inventory.testing;

import io.eventshop.messaging.testing.MessagingTestInfrastructure;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;

/**
 * Runs after {@link MessagingTestInfrastructure} and gives its properties (the embedded database, the in-JVM AWS
 * endpoint) precedence over application.yml, which points at {@code localhost:5432} and at {@code AWS_ENDPOINT_URL}.
 */
public final class TestInfrastructureFirst implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final String SOURCE = "messagingTestInfrastructure";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        MutablePropertySources sources = context.getEnvironment().getPropertySources();
        PropertySource<?> infrastructure = sources.remove(SOURCE);
        if (infrastructure == null) {
            throw new IllegalStateException("MessagingTestInfrastructure must run first; it added no " + SOURCE);
        }
        sources.addFirst(infrastructure);
    }
}
