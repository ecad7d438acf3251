package io.eventshop.notification;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;

/**
 * Moves the properties of {@link io.eventshop.messaging.testing.MessagingTestInfrastructure} (the embedded database,
 * the local AWS endpoint) ahead of application.yml, which sets the same keys for a real deployment. It runs after that
 * initializer; test properties and system properties still win over both.
 */
class TestInfrastructureBeforeApplicationConfig
        implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final String INFRASTRUCTURE = "messagingTestInfrastructure";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        MutablePropertySources sources = context.getEnvironment().getPropertySources();
        PropertySource<?> infrastructure = sources.remove(INFRASTRUCTURE);
        if (infrastructure == null) {
            throw new IllegalStateException("MessagingTestInfrastructure must run first");
        }
        String firstApplicationConfig = sources.stream()
                .map(PropertySource::getName)
                .filter(name -> name.startsWith("Config resource"))
                .findFirst()
                .orElseThrow();
        sources.addBefore(firstApplicationConfig, infrastructure);
    }
}
