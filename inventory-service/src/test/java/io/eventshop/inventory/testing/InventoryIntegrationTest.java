package io.eventshop.inventory.testing;

import io.eventshop.devstack.aws.junit.LocalAwsExtension;
import io.eventshop.messaging.testing.MessagingTestInfrastructure;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole service on a random port, against a fresh embedded PostgreSQL database and the in-JVM AWS endpoint, with
 * the topology provisioned. The context is closed after the class, so that no other test's service keeps listening on
 * inventory-service's queue.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "eventshop.messaging.provision=true",
            "eventshop.messaging.relay.poll-interval=200ms",
            "eventshop.messaging.listener.retry-initial-visibility=1s"
        })
@ExtendWith(LocalAwsExtension.class)
@ContextConfiguration(initializers = MessagingTestInfrastructure.class)
@DirtiesContext
public @interface InventoryIntegrationTest {}
