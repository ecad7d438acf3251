package io.eventshop.messaging.metrics;

import static io.eventshop.messaging.testing.TestEvents.envelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.awspring.cloud.sqs.listener.SqsMessageListenerContainer;
import io.eventshop.devstack.aws.LocalAwsEndpoint;
import io.eventshop.events.EventJson;
import io.eventshop.events.payment.PaymentAuthorized;
import io.eventshop.messaging.listener.EventHandlers;
import io.eventshop.messaging.listener.UnprocessableMessageException;
import io.eventshop.messaging.testing.AwsFixtures;
import io.eventshop.messaging.testing.MessagingIntegrationTest;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The gauges of the service's queue and of its dead-letter queue, read from the in-JVM endpoint every second, as
 * messages wait, are handled, are delayed and are dead-lettered.
 */
@MessagingIntegrationTest(
        properties = {
            "eventshop.messaging.service-name=inventory-service",
            "eventshop.messaging.relay.enabled=false",
            "eventshop.messaging.listener.queue=" + QueueMetricsIntegrationTests.QUEUE,
            "eventshop.messaging.listener.poll-timeout=1s",
            "eventshop.messaging.listener.shutdown-timeout=2s",
            "eventshop.messaging.queue-metrics.interval=1s"
        })
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext
class QueueMetricsIntegrationTests {

    static final String QUEUE = "gauge-events";
    static final String DEAD_LETTER_QUEUE = QUEUE + "-dlq";

    private static final String BLOCKED_CUSTOMER = "c-blocked";
    private static final String UNPROCESSABLE_CUSTOMER = "c-unprocessable";
    private static volatile CountDownLatch release = new CountDownLatch(0);

    private static AwsFixtures aws;
    private static String queueUrl;

    @Autowired
    MeterRegistry meters;

    @Autowired
    QueueMetrics queueMetrics;

    @Autowired
    SqsMessageListenerContainer<Object> listener;

    private final EventJson json = new EventJson();

    @BeforeAll
    static void provision(LocalAwsEndpoint endpoint) {
        aws = new AwsFixtures(endpoint);
        queueUrl = aws.queueWithDeadLetterQueue(QUEUE, 3, 5);
    }

    @BeforeEach
    void blockNothing() {
        release = new CountDownLatch(0);
    }

    @AfterEach
    void leaveTheQueuesEmptyAndTheListenerRunning() {
        release.countDown();
        listener.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> aws.messagesIn(queueUrl) == 0);
        aws.sqs().purgeQueue(request -> request.queueUrl(aws.queueUrl(DEAD_LETTER_QUEUE)));
    }

    @Test
    void eachGaugeReportsTheServicesQueueAndItsDeadLetterQueueByNameAndKind() {
        for (String meter : new String[] {
            QueueMetrics.VISIBLE, QueueMetrics.IN_FLIGHT, QueueMetrics.DELAYED, QueueMetrics.OLDEST_AGE
        }) {
            assertThat(meters.find(meter).gauges())
                    .as(meter)
                    .extracting(gauge ->
                            gauge.getId().getTag("queue") + "/" + gauge.getId().getTag("kind"))
                    .containsExactlyInAnyOrder(QUEUE + "/queue", DEAD_LETTER_QUEUE + "/dlq");
        }
        assertThat(meters.get(QueueMetrics.OLDEST_AGE).gauge().getId().getBaseUnit())
                .isEqualTo("seconds");
        assertThat(queueMetrics.watchedQueues()).containsExactly(QUEUE, DEAD_LETTER_QUEUE);
    }

    @Test
    void messagesWaitingForAStoppedListenerAreVisibleAndTheirWaitShowsInTheAgeOnceTheyAreReceived() {
        awaitAtMost(10).until(() -> oldestAge(QUEUE) == 0);
        listener.stop();
        Instant firstSent = now();
        send(BigDecimal.ONE, "c-1");
        send(BigDecimal.ONE, "c-2");
        send(BigDecimal.ONE, "c-3");
        Instant lastSent = now();

        awaitAtMost(10).until(() -> gauge(QueueMetrics.VISIBLE, QUEUE) == 3);
        assertThat(gauge(QueueMetrics.IN_FLIGHT, QUEUE)).isZero();
        assertThat(oldestAge(QUEUE)).as("nothing received, so no age yet").isZero();
        Instant restarted = now();
        listener.start();

        double waited = Duration.between(lastSent, restarted).toMillis() / 1000.0;
        awaitAtMost(10).until(() -> oldestAge(QUEUE) >= waited);
        assertThat(oldestAge(QUEUE)).isLessThanOrEqualTo(secondsSince(firstSent));
        awaitAtMost(10)
                .until(() -> gauge(QueueMetrics.VISIBLE, QUEUE) == 0 && gauge(QueueMetrics.IN_FLIGHT, QUEUE) == 0);
        awaitAtMost(10).until(() -> oldestAge(QUEUE) == 0);
    }

    @Test
    void aMessageWhoseHandlerIsAtWorkIsInFlightAndAgesUntilItReturns() {
        release = new CountDownLatch(1);
        Instant sent = now();
        send(BigDecimal.TEN, BLOCKED_CUSTOMER);

        awaitAtMost(10).until(() -> gauge(QueueMetrics.IN_FLIGHT, QUEUE) == 1);
        assertThat(gauge(QueueMetrics.VISIBLE, QUEUE)).isZero();
        double age = oldestAge(QUEUE);
        awaitAtMost(10).until(() -> oldestAge(QUEUE) >= age + 1);
        assertThat(oldestAge(QUEUE)).isLessThanOrEqualTo(secondsSince(sent));

        release.countDown();
        awaitAtMost(10).until(() -> gauge(QueueMetrics.IN_FLIGHT, QUEUE) == 0);
    }

    @Test
    void aDelayedMessageIsCountedAsDelayedUntilItsDelayPasses() {
        String body = json.write(envelope(authorized(BigDecimal.ONE, "c-delayed")));
        aws.sqs()
                .sendMessage(
                        request -> request.queueUrl(queueUrl).messageBody(body).delaySeconds(3));

        awaitAtMost(10).until(() -> gauge(QueueMetrics.DELAYED, QUEUE) == 1);
        assertThat(gauge(QueueMetrics.VISIBLE, QUEUE)).isZero();
        awaitAtMost(15)
                .until(() -> gauge(QueueMetrics.DELAYED, QUEUE) == 0
                        && gauge(QueueMetrics.VISIBLE, QUEUE) == 0
                        && gauge(QueueMetrics.IN_FLIGHT, QUEUE) == 0);
    }

    @Test
    void aDeadLetterShowsInTheDeadLetterQueuesGaugesAndAgesUntilTheQueueIsEmpty() {
        Instant sent = now();
        send(BigDecimal.ONE, UNPROCESSABLE_CUSTOMER);

        awaitAtMost(10).until(() -> gauge(QueueMetrics.VISIBLE, DEAD_LETTER_QUEUE) == 1);
        double age = oldestAge(DEAD_LETTER_QUEUE);
        assertThat(age).isPositive().isLessThanOrEqualTo(secondsSince(sent));
        awaitAtMost(10).until(() -> oldestAge(DEAD_LETTER_QUEUE) >= age + 1);

        aws.sqs().purgeQueue(request -> request.queueUrl(aws.queueUrl(DEAD_LETTER_QUEUE)));

        awaitAtMost(10)
                .until(() -> gauge(QueueMetrics.VISIBLE, DEAD_LETTER_QUEUE) == 0 && oldestAge(DEAD_LETTER_QUEUE) == 0);
    }

    @Test
    void aQueueThatCannotBeReadKeepsItsLastValuesAndIsReadAgainLater(CapturedOutput output) {
        send(BigDecimal.ONE, UNPROCESSABLE_CUSTOMER);
        awaitAtMost(10).until(() -> gauge(QueueMetrics.VISIBLE, DEAD_LETTER_QUEUE) == 1);
        String deadLetterQueueUrl = aws.queueUrl(DEAD_LETTER_QUEUE);
        String failure = "Cannot read the attributes of queue " + DEAD_LETTER_QUEUE + ";";

        aws.sqs().deleteQueue(request -> request.queueUrl(deadLetterQueueUrl));
        queueMetrics.read();
        queueMetrics.read();

        assertThat(gauge(QueueMetrics.VISIBLE, DEAD_LETTER_QUEUE))
                .as("the last value")
                .isEqualTo(1);
        assertThat(output.getAll().split(failure, -1)).as("logged once").hasSize(2);

        aws.queue(DEAD_LETTER_QUEUE, Map.of());
        awaitAtMost(10).until(() -> gauge(QueueMetrics.VISIBLE, DEAD_LETTER_QUEUE) == 0);
        assertThat(output.getAll()).contains("Read the attributes of queue " + DEAD_LETTER_QUEUE + " again");
    }

    private void send(BigDecimal amount, String customer) {
        String body = json.write(envelope(authorized(amount, customer)));
        aws.sqs().sendMessage(request -> request.queueUrl(queueUrl).messageBody(body));
    }

    private static PaymentAuthorized authorized(BigDecimal amount, String customer) {
        return new PaymentAuthorized(UUID.randomUUID(), UUID.randomUUID(), customer, amount, "EUR");
    }

    private double gauge(String meter, String queue) {
        Gauge gauge = meters.find(meter).tag("queue", queue).gauge();
        return gauge == null ? Double.NaN : gauge.value();
    }

    private double oldestAge(String queue) {
        return gauge(QueueMetrics.OLDEST_AGE, queue);
    }

    private static double secondsSince(Instant start) {
        return Duration.between(start, now()).toMillis() / 1000.0;
    }

    /** Now, to the millisecond of SQS's SentTimestamp. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static ConditionFactory awaitAtMost(int seconds) {
        return await().atMost(Duration.ofSeconds(seconds)).pollInterval(Duration.ofMillis(50));
    }

    @TestConfiguration
    static class Handlers {

        @Bean
        EventHandlers eventHandlers() {
            return new EventHandlers().on(PaymentAuthorized.class, (event, envelope) -> {
                if (event.customerId().equals(BLOCKED_CUSTOMER)) {
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                if (event.customerId().equals(UNPROCESSABLE_CUSTOMER)) {
                    throw new UnprocessableMessageException("refused by the test");
                }
            });
        }
    }
}
