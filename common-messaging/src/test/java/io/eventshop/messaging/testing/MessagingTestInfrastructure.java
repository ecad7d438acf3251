package io.eventshop.messaging.testing;

import io.eventshop.devstack.aws.junit.LocalAwsExtension;
import java.util.Map;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Points a Spring test context at a fresh embedded PostgreSQL database and at the in-JVM AWS endpoint of
 * {@link LocalAwsExtension}, and keeps that endpoint running for as long as the context lives. The sealing secret is
 * {@link TestSealing#SECRET}, made afresh for each test JVM, and the context has an {@link OutboxRows}.
 *
 * <p>The properties win over the service's {@code application.yml}, and a test's own properties win over them (a
 * test may set {@code spring.cloud.aws.endpoint} elsewhere, to simulate an outage).
 */
public final class MessagingTestInfrastructure
        implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        AutoCloseable lease = LocalAwsExtension.lease();
        // The lease is the first disposable bean, so it is given back last: after the listeners have stopped polling.
        ((DefaultListableBeanFactory) context.getBeanFactory())
                .registerDisposableBean("localAwsEndpointLease", lease::close);
        AutoCloseable database = EmbeddedDatabases.use();
        ((DefaultListableBeanFactory) context.getBeanFactory())
                .registerDisposableBean("embeddedDatabaseUse", database::close);
        // Every test of a service may ask for OutboxRows; made only when asked for.
        var outboxRows = new RootBeanDefinition(OutboxRows.class);
        outboxRows.setLazyInit(true);
        ((DefaultListableBeanFactory) context.getBeanFactory()).registerBeanDefinition("outboxRows", outboxRows);
        var infrastructure = new MapPropertySource(
                "messagingTestInfrastructure",
                Map.of(
                        "spring.datasource.url", EmbeddedDatabases.createDatabase(),
                        "spring.datasource.username", "postgres",
                        "spring.datasource.password", "postgres",
                        "spring.cloud.aws.endpoint",
                                LocalAwsExtension.endpoint().url().toString(),
                        "spring.cloud.aws.region.static", "us-east-1",
                        "spring.cloud.aws.credentials.access-key", "test",
                        "spring.cloud.aws.credentials.secret-key", "test",
                        "eventshop.sealing.secret", TestSealing.SECRET));
        // Above the service's application.yml (whose datasource points at a real server), below a test's own
        // properties (a test may point the endpoint elsewhere to simulate an outage).
        var sources = context.getEnvironment().getPropertySources();
        if (sources.contains(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME)) {
            sources.addAfter(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME, infrastructure);
        } else {
            sources.addFirst(infrastructure);
        }
    }
}
