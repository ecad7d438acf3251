package io.eventshop.order.testing;

import io.eventshop.devstack.aws.junit.LocalAwsExtension;
import io.eventshop.messaging.testing.MessagingTestInfrastructure;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole service on a random port, against embedded PostgreSQL and the in-JVM AWS endpoint, with the topology
 * provisioned, and Hibernate's statements visible to {@link Statements}. Test classes that add no properties share one
 * application context; add some with {@code @TestPropertySource} to get a context of your own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(LocalAwsExtension.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "eventshop.messaging.provision=true",
            "eventshop.messaging.relay.poll-interval=200ms",
            "eventshop.messaging.relay.initial-backoff=200ms",
            "eventshop.messaging.relay.max-backoff=1s",
            "eventshop.messaging.listener.poll-timeout=1s",
            "eventshop.messaging.listener.retry-initial-visibility=1s",
            "eventshop.messaging.listener.retry-max-visibility=2s",
            "eventshop.messaging.listener.shutdown-timeout=2s",
            "spring.jpa.properties.hibernate.session_factory.statement_inspector="
                    + "io.eventshop.order.testing.Statements"
        })
@ContextConfiguration(initializers = MessagingTestInfrastructure.class)
public @interface OrderServiceIntegrationTest {}
