package io.eventshop.messaging.testing;

import io.eventshop.devstack.aws.junit.LocalAwsExtension;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ContextConfiguration;

/**
 * A Spring Boot integration test against embedded PostgreSQL and the in-JVM AWS endpoint:
 *
 * <pre>{@code
 * @MessagingIntegrationTest(properties = "eventshop.messaging.service-name=payment-service")
 * class PaymentMessagingIntegrationTests { ... }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(LocalAwsExtension.class)
@SpringBootTest
@ContextConfiguration(initializers = MessagingTestInfrastructure.class)
public @interface MessagingIntegrationTest {

    @AliasFor(annotation = SpringBootTest.class, attribute = "properties")
    String[] properties() default {};

    @AliasFor(annotation = SpringBootTest.class, attribute = "classes")
    Class<?>[] classes() default {};
}
