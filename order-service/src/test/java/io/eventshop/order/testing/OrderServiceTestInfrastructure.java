package io.eventshop.order.testing;

import io.eventshop.messaging.testing.MessagingTestInfrastructure;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;

/**
 * common-messaging's test infrastructure (a fresh embedded PostgreSQL database, the in-JVM AWS endpoint), given
 * precedence over application.yml, whose datasource and endpoint defaults are for running the service.
 */
public final class OrderServiceTestInfrastructure
        implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        new MessagingTestInfrastructure().initialize(context);
        MutablePropertySources sources = context.getEnvironment().getPropertySources();
        PropertySource<?> infrastructure = sources.remove("messagingTestInfrastructure");
        if (infrastructure == null) {
            throw new IllegalStateException("MessagingTestInfrastructure no longer adds messagingTestInfrastructure");
        }
        sources.addFirst(infrastructure);
    }
}
