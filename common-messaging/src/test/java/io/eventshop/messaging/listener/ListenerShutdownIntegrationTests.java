package io.eventshop.messaging.listener;

import static io.eventshop.messaging.testing.TestEvents.envelope;
import static io.eventshop.messaging.testing.TestEvents.paymentAuthorized;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventshop.devstack.aws.LocalAwsEndpoint;
import io.eventshop.devstack.aws.junit.LocalAwsExtension;
import io.eventshop.events.EventEnvelope;
import io.eventshop.events.EventJson;
import io.eventshop.events.payment.PaymentAuthorized;
import io.eventshop.messaging.MessagingTestApplication;
import io.eventshop.messaging.testing.AwsFixtures;
import io.eventshop.messaging.testing.MessagingTestInfrastructure;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The test runs its own application, to close it while a handler runs. */
@ExtendWith(LocalAwsExtension.class)
class ListenerShutdownIntegrationTests {

    private static final CountDownLatch handlerStarted = new CountDownLatch(1);
    private static final CountDownLatch handlerMayFinish = new CountDownLatch(1);
    private static final AtomicInteger handlersFinished = new AtomicInteger();

    private static AwsFixtures aws;
    private static String queue;

    @BeforeAll
    static void provision(LocalAwsEndpoint endpoint) {
        aws = new AwsFixtures(endpoint);
        queue = aws.queueWithDeadLetterQueue("shutdown-events", 3, 3);
    }

    @Test
    void onShutdownTheMessageInFlightFinishesAndIsDeletedAndNoMoreArePolled() throws Exception {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(
                        MessagingTestApplication.class, Handlers.class)
                .initializers(new MessagingTestInfrastructure())
                .properties(
                        "eventshop.messaging.service-name=shipping-service",
                        "eventshop.messaging.relay.enabled=false",
                        "eventshop.messaging.listener.queue=shutdown-events",
                        "eventshop.messaging.listener.poll-timeout=1s",
                        "eventshop.messaging.listener.shutdown-timeout=20s")
                .run();
        EventEnvelope inFlight = envelope(paymentAuthorized(UUID.randomUUID()));
        aws.sqs().sendMessage(request -> request.queueUrl(queue).messageBody(new EventJson().write(inFlight)));
        assertThat(handlerStarted.await(20, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> closing = CompletableFuture.runAsync(context::close);
        // The context waits for the handler, and polls nothing more meanwhile.
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> !closing.isDone());
        handlerMayFinish.countDown();
        closing.get(30, TimeUnit.SECONDS);

        assertThat(handlersFinished).hasValue(1);
        // Deleted, not merely invisible: the queue stays empty past the visibility timeout (3 s).
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).until(() -> aws.messagesIn(queue) == 0);
        aws.sqs().sendMessage(request -> request.queueUrl(queue)
                .messageBody(new EventJson().write(envelope(paymentAuthorized(UUID.randomUUID())))));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> aws.messagesIn(queue) == 1);
    }

    @Configuration(proxyBeanMethods = false)
    static class Handlers {

        @Bean
        EventHandlers eventHandlers() {
            return new EventHandlers().on(PaymentAuthorized.class, (event, envelope) -> {
                handlerStarted.countDown();
                try {
                    if (!handlerMayFinish.await(30, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the test never let the handler finish");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted during shutdown", e);
                }
                handlersFinished.incrementAndGet();
            });
        }
    }
}
