package io.eventshop.messaging.listener;

import static io.eventshop.messaging.testing.TestEvents.envelope;
import static io.eventshop.messaging.testing.TestEvents.paymentAuthorized;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.devstack.aws.LocalAwsEndpoint;
import io.eventshop.devstack.aws.junit.LocalAwsExtension;
import io.eventshop.events.EventEnvelope;
import io.eventshop.events.EventJson;
import io.eventshop.events.payment.PaymentAuthorized;
import io.eventshop.messaging.MessagingTestApplication;
import io.eventshop.messaging.testing.AwsFixtures;
import io.eventshop.messaging.testing.MessagingTestInfrastructure;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With a short {@code listener.full-batch-wait}, a handler that waits (for a payment provider, a carrier) does not hold
 * back the messages that arrive meanwhile. The test runs its own application, with a handler that waits until the test
 * lets it go.
 */
@ExtendWith(LocalAwsExtension.class)
class BusyListenerIntegrationTests {

    private static final UUID SLOW_ORDER = UUID.randomUUID();
    private static final CountDownLatch slowHandlerStarted = new CountDownLatch(1);
    private static final CountDownLatch slowHandlerMayFinish = new CountDownLatch(1);
    private static final CountDownLatch slowHandlerFinished = new CountDownLatch(1);
    private static final CountDownLatch nextMessageHandled = new CountDownLatch(1);

    private static AwsFixtures aws;
    private static String queue;

    @BeforeAll
    static void provision(LocalAwsEndpoint endpoint) {
        aws = new AwsFixtures(endpoint);
        queue = aws.queueWithDeadLetterQueue("busy-listener-events", 3, 60);
    }

    @Test
    void aMessageThatArrivesWhileAHandlerWaitsIsHandledWithoutWaitingForIt() throws Exception {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(
                        MessagingTestApplication.class, Handlers.class)
                .initializers(new MessagingTestInfrastructure())
                .properties(
                        "eventshop.messaging.service-name=shipping-service",
                        "eventshop.messaging.relay.enabled=false",
                        "eventshop.messaging.listener.queue=busy-listener-events",
                        "eventshop.messaging.listener.poll-timeout=1s",
                        "eventshop.messaging.listener.full-batch-wait=10ms")
                .run()) {
            send(envelope(paymentAuthorized(SLOW_ORDER)));
            assertThat(slowHandlerStarted.await(20, TimeUnit.SECONDS)).isTrue();

            send(envelope(paymentAuthorized(UUID.randomUUID())));

            // With the default (10 s, Spring Cloud AWS's), the listener waits for the whole batch's handlers first.
            assertThat(nextMessageHandled.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(slowHandlerFinished.getCount())
                    .as("the slow handler is still at work")
                    .isEqualTo(1);
            slowHandlerMayFinish.countDown();
            assertThat(slowHandlerFinished.await(20, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static void send(EventEnvelope event) {
        aws.sqs().sendMessage(request -> request.queueUrl(queue).messageBody(new EventJson().write(event)));
    }

    @Configuration(proxyBeanMethods = false)
    static class Handlers {

        @Bean
        EventHandlers eventHandlers() {
            return new EventHandlers().on(PaymentAuthorized.class, (event, envelope) -> {
                if (!event.orderId().equals(SLOW_ORDER)) {
                    nextMessageHandled.countDown();
                    return;
                }
                slowHandlerStarted.countDown();
                try {
                    if (!slowHandlerMayFinish.await(30, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the test never let the slow handler finish");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while the slow handler waited", e);
                }
                slowHandlerFinished.countDown();
            });
        }
    }
}
