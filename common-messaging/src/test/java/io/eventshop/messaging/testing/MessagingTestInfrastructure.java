package io.eventshop.messaging.testing;

import io.eventshop.devstack.junit.LocalAwsExtension;
import java.util.Map;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring test context at a fresh embedded PostgreSQL database and at the in-JVM AWS endpoint of
 * {@link LocalAwsExtension}, and keeps that endpoint running for as long as the context lives.
 *
 * <p>The properties have the lowest precedence, so a test can override any of them (for example
 * {@code spring.cloud.aws.endpoint}, to simulate an outage).
 */
public final class MessagingTestInfrastructure
        implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        AutoCloseable lease = LocalAwsExtension.lease();
        // The lease is the first disposable bean, so it is given back last: after the listeners have stopped polling.
        ((DefaultListableBeanFactory) context.getBeanFactory())
                .registerDisposableBean("localAwsEndpointLease", lease::close);
        context.getEnvironment()
                .getPropertySources()
                .addLast(new MapPropertySource(
                        "messagingTestInfrastructure",
                        Map.of(
                                "spring.datasource.url", EmbeddedDatabases.createDatabase(),
                                "spring.datasource.username", "postgres",
                                "spring.datasource.password", "postgres",
                                "spring.cloud.aws.endpoint",
                                        LocalAwsExtension.endpoint().url().toString(),
                                "spring.cloud.aws.region.static", "us-east-1",
                                "spring.cloud.aws.credentials.access-key", "test",
                                "spring.cloud.aws.credentials.secret-key", "test")));
    }
}
