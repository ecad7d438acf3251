package io.eventshop.messaging.outbox;

import static io.eventshop.messaging.testing.TestEvents.paymentAuthorized;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventshop.devstack.LocalAwsEndpoint;
import io.eventshop.events.EventEnvelope;
import io.eventshop.messaging.testing.AwsFixtures;
import io.eventshop.messaging.testing.MessagingIntegrationTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionTemplate;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import tools.jackson.databind.json.JsonMapper;

/** Relays built by the test (the context's own is off), to run two of them, or to watch one's failures. */
@MessagingIntegrationTest(
        properties = {
            "eventshop.messaging.service-name=payment-service",
            "eventshop.messaging.relay.enabled=false",
            "eventshop.messaging.topic=relay-events.fifo",
            "eventshop.messaging.event-bus=relay-bus"
        })
@DirtiesContext
class RelayIntegrationTests {

    private static AwsFixtures aws;
    private static String snsQueue;
    private static String eventBridgeQueue;

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxRepository repository;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    SnsClient sns;

    @Autowired
    EventBridgeClient eventBridge;

    private final List<OutboxRelay> relays = new ArrayList<>();

    @BeforeAll
    static void provision(LocalAwsEndpoint endpoint) {
        aws = new AwsFixtures(endpoint);
        snsQueue = aws.fifoQueue("relay-sns.fifo");
        aws.subscribeRaw(aws.fifoTopic("relay-events.fifo"), snsQueue);
        eventBridgeQueue = aws.queue("relay-eventbridge", Map.of());
        aws.busToQueue("relay-bus", "eventshop.payment-service", eventBridgeQueue);
    }

    @AfterEach
    void stopRelays() {
        relays.forEach(OutboxRelay::stop);
    }

    @Test
    void twoRelaysOnOneDatabasePublishEveryGroupInOrderAndOnlyOneIsActive() {
        OutboxRelay first = startRelay();
        OutboxRelay second = startRelay();
        Map<String, List<String>> written = writeInterleaved(5, 6);

        List<Message> received = aws.receive(snsQueue, 30);

        assertThat(eventIdsByGroup(received)).isEqualTo(written);
        assertThat(List.of(first.isActive(), second.isActive())).containsExactlyInAnyOrder(true, false);
    }

    @Test
    void whenTheActiveRelayStopsTheStandByTakesOver() {
        OutboxRelay first = startRelay();
        await().atMost(Duration.ofSeconds(5)).until(first::isActive);
        OutboxRelay second = startRelay();

        first.stop();
        Map<String, List<String>> written = writeInterleaved(2, 3);

        assertThat(eventIdsByGroup(aws.receive(snsQueue, 6))).isEqualTo(written);
        assertThat(second.isActive()).isTrue();
    }

    @Test
    void afterAPartialBatchFailureOnlyTheFailedEntryIsRetried() {
        List<EventEnvelope> good = new ArrayList<>();
        UUID rejected = UUID.randomUUID();
        transaction.executeWithoutResult(status -> {
            for (int i = 0; i < 3; i++) {
                good.add(outbox.add(paymentAuthorized(UUID.randomUUID()), UUID.randomUUID(), null));
            }
            // EventBridge refuses a Detail that is not a JSON object; SNS takes any message.
            repository.insert(
                    rejected, "PaymentAuthorized", "group-of-its-own", "payment-service", "not json", Map.of());
        });
        startRelay();

        List<Message> onTheBus = aws.receive(eventBridgeQueue, 3);
        aws.receive(snsQueue, 4);
        await().atMost(Duration.ofSeconds(10)).until(() -> attemptsOf(rejected) >= 2);

        JsonMapper mapper = JsonMapper.builder().build();
        assertThat(onTheBus)
                .extracting(message ->
                        mapper.readTree(message.body()).at("/detail/eventId").asString())
                .containsExactlyInAnyOrderElementsOf(
                        good.stream().map(e -> e.eventId().toString()).toList());
        assertThat(aws.receiveAvailable(eventBridgeQueue)).isEmpty();
        for (EventEnvelope event : good) {
            assertThat(attemptsOf(event.eventId())).isZero();
        }
        assertThat(jdbc.sql("select last_error from outbox_event where event_id = ?")
                        .param(rejected)
                        .query(String.class)
                        .single())
                .contains("MalformedDetail");
        assertThat(jdbc.sql("select sns_published_at is not null and events_published_at is null from outbox_event"
                                + " where event_id = ?")
                        .param(rejected)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    private OutboxRelay startRelay() {
        var relay = new OutboxRelay(
                new RelayLeadership(dataSource, "payment-service"),
                repository,
                List.of(
                        new SnsEventPublisher(sns, "relay-events.fifo"),
                        new EventBridgeEventPublisher(eventBridge, "relay-bus")),
                new OutboxMetrics(new SimpleMeterRegistry(), Clock.systemUTC()),
                new Backoff(Duration.ofMillis(200), Duration.ofSeconds(1)),
                Duration.ofMillis(100),
                100);
        relays.add(relay);
        relay.start();
        return relay;
    }

    /** Writes {@code perGroup} events to each of {@code groups} orders, round robin, one transaction each. */
    private Map<String, List<String>> writeInterleaved(int groups, int perGroup) {
        List<UUID> orders = new ArrayList<>();
        for (int i = 0; i < groups; i++) {
            orders.add(UUID.randomUUID());
        }
        Map<String, List<String>> written = new LinkedHashMap<>();
        for (int round = 0; round < perGroup; round++) {
            for (UUID order : orders) {
                EventEnvelope event =
                        transaction.execute(status -> outbox.add(paymentAuthorized(order), UUID.randomUUID(), null));
                written.computeIfAbsent(order.toString(), key -> new ArrayList<>())
                        .add(event.eventId().toString());
            }
        }
        return written;
    }

    private static Map<String, List<String>> eventIdsByGroup(List<Message> messages) {
        Map<String, List<String>> byGroup = new LinkedHashMap<>();
        for (Message message : messages) {
            byGroup.computeIfAbsent(
                            message.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID),
                            key -> new ArrayList<>())
                    .add(message.attributes().get(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID));
        }
        return byGroup;
    }

    private int attemptsOf(UUID eventId) {
        return jdbc.sql("select attempts from outbox_event where event_id = ?")
                .param(eventId)
                .query(Integer.class)
                .single();
    }
}
