package io.eventshop.payment;

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
 * The whole payment-service on a random port, against a fresh embedded PostgreSQL database and the in-JVM AWS
 * endpoint, with the topology provisioned (see src/test/resources/application.properties for the fast clocks).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(LocalAwsExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = MessagingTestInfrastructure.class)
public @interface PaymentServiceIntegrationTest {}
