package io.eventshop.messaging.outbox;

import static io.eventshop.messaging.testing.TestEvents.paymentAuthorized;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventshop.devstack.aws.LocalAwsEndpoint;
import io.eventshop.events.EventEnvelope;
import io.eventshop.messaging.testing.AwsFixtures;
import io.eventshop.messaging.testing.MessagingIntegrationTest;
import io.eventshop.messaging.tracing.MessageTracing;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
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
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeAll
    static void provision(LocalAwsEndpoint endpoint) {
        aws = new AwsFixtures(endpoint);
        snsQueue = aws.fifoQueue("relay-sns.fifo");
        aws.subscribeRaw(aws.fifoTopic("relay-events.fifo"), snsQueue);
        eventBridgeQueue = aws.queue("relay-eventbridge", Map.of());
        aws.busToQueue("relay-bus", "eventshop.payment-service", eventBridgeQueue);
    }

    /** Stops the relays, and empties the queues, so that no test reads what another one published. */
    @AfterEach
    void stopRelays() {
        relays.forEach(OutboxRelay::stop);
        for (String queue : List.of(snsQueue, eventBridgeQueue)) {
            aws.sqs().purgeQueue(request -> request.queueUrl(queue));
        }
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

    @Test
    void manyEventsOfOneGroupArePublishedTenToACallInTheirOrder() {
        UUID busy = UUID.randomUUID();
        UUID quiet = UUID.randomUUID();
        Map<String, List<String>> written = new LinkedHashMap<>();
        transaction.executeWithoutResult(status -> {
            for (int i = 0; i < 25; i++) {
                UUID order = i % 8 == 7 ? quiet : busy;
                EventEnvelope event = outbox.add(paymentAuthorized(order), UUID.randomUUID(), null);
                written.computeIfAbsent(order.toString(), key -> new ArrayList<>())
                        .add(event.eventId().toString());
            }
        });
        startRelay();

        List<Message> received = aws.receive(snsQueue, 25);

        assertThat(eventIdsByGroup(received)).isEqualTo(written);
        assertThat(aws.receive(eventBridgeQueue, 25)).hasSize(25);
    }

    @Test
    void anEntryThatSnsRefusesHoldsBackTheRestOfItsGroupUntilItIsPublished() {
        String group = "group-" + UUID.randomUUID();
        String other = "other-" + UUID.randomUUID();
        List<UUID> ofGroup = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        UUID ofOther = UUID.randomUUID();
        transaction.executeWithoutResult(status -> {
            insert(ofGroup.get(0), group, Map.of("eventType", "PaymentAuthorized"));
            // SNS refuses a Number attribute that is not a number: the second of the group fails mid-batch.
            insert(ofGroup.get(1), group, Map.of("eventType", "PaymentAuthorized", "amount", "not a number"));
            insert(ofGroup.get(2), group, Map.of("eventType", "PaymentAuthorized"));
            insert(ofOther, other, Map.of("eventType", "PaymentAuthorized"));
            insert(ofGroup.get(3), group, Map.of("eventType", "PaymentAuthorized"));
        });
        startRelay();

        List<Message> first = aws.receive(snsQueue, 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> attemptsOf(ofGroup.get(1)) >= 2);

        assertThat(deduplicationIds(first))
                .containsExactlyInAnyOrder(ofGroup.get(0).toString(), ofOther.toString());
        assertThat(aws.receiveAvailable(snsQueue)).isEmpty();
        assertThat(publishedToSns(ofGroup)).containsExactly(true, false, false, false);
        assertThat(attemptsOf(ofGroup.get(2))).isZero();

        jdbc.sql("update outbox_event set attributes = '{\"eventType\": \"PaymentAuthorized\"}' where event_id = ?")
                .param(ofGroup.get(1))
                .update();

        assertThat(deduplicationIds(aws.receive(snsQueue, 3)))
                .containsExactly(
                        ofGroup.get(1).toString(),
                        ofGroup.get(2).toString(),
                        ofGroup.get(3).toString());
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(publishedToSns(ofGroup)).containsOnly(true));
    }

    @Test
    void everyPublishedEventRecordsItsLagPerDestination() {
        writeInterleaved(2, 2);
        startRelay();

        aws.receive(snsQueue, 4);
        aws.receive(eventBridgeQueue, 4);

        for (String destination : List.of("sns", "eventbridge")) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                Timer lag = meters.get("eventshop.outbox.lag")
                        .tag("destination", destination)
                        .timer();
                assertThat(lag.count()).isEqualTo(4);
                assertThat(lag.max(TimeUnit.MILLISECONDS)).isPositive().isLessThan(60_000);
            });
            assertThat(meters.get("eventshop.outbox.published")
                            .tag("destination", destination)
                            .counter()
                            .count())
                    .isEqualTo(4);
        }
    }

    @Test
    void batchesThatFinishWhileTheRecorderWritesAreRecordedTogetherAndTheCallsDoNotWaitForIt() throws Exception {
        UUID first = UUID.randomUUID();
        transaction.executeWithoutResult(status -> insert(first, "group-" + UUID.randomUUID(), Map.of()));
        List<UUID> later = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        try (Connection locker = lockRowOf(first)) {
            OutboxRelay relay = startRelay();
            aws.receive(snsQueue, 1);
            // The recorder waits for the first event's row; the later events are published all the same, each in a
            // batch of its own, as each is written once the one before it is out.
            for (UUID eventId : later) {
                transaction.executeWithoutResult(status -> insert(eventId, "group-" + UUID.randomUUID(), Map.of()));
                assertThat(deduplicationIds(aws.receive(snsQueue, 1))).containsExactly(eventId.toString());
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> relay.batchesAwaitingRecord() == later.size());
            assertThat(publishedToSns(later)).containsOnly(false);

            locker.commit();
        }

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(publishedToSns(later)).containsOnly(true));
        // now() is the start of the statement's transaction: one time for the three means one statement.
        assertThat(jdbc.sql("""
                                select count(distinct sns_published_at), count(distinct events_published_at)
                                from outbox_event where event_id = any(?)
                                """)
                        .param(new SqlArrayValue("uuid", later.toArray()))
                        .query((rs, row) -> List.of(rs.getInt(1), rs.getInt(2)))
                        .single())
                .containsExactly(1, 1);
        assertThat(publishedToSns(List.of(first))).containsExactly(true);
    }

    @Test
    void stopWaitsUntilEveryPublishedBatchIsRecorded() throws Exception {
        UUID eventId = UUID.randomUUID();
        transaction.executeWithoutResult(status -> insert(eventId, "group-" + UUID.randomUUID(), Map.of()));
        CompletableFuture<Void> stopped;
        try (Connection locker = lockRowOf(eventId)) {
            OutboxRelay relay = startRelay();
            aws.receive(snsQueue, 1);
            aws.receive(eventBridgeQueue, 1);

            stopped = CompletableFuture.runAsync(relay::stop);

            // The batch is published, and cannot be recorded while its row is locked: stop cannot have returned.
            assertThat(stopped).isNotDone();
            locker.commit();
        }

        stopped.get(30, TimeUnit.SECONDS);
        assertThat(publishedToSns(List.of(eventId))).containsExactly(true);
    }

    /** A connection whose open transaction holds the row of {@code eventId}: an update of it waits until commit. */
    private Connection lockRowOf(UUID eventId) throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        try (var lock = connection.prepareStatement("select id from outbox_event where event_id = ? for update")) {
            lock.setObject(1, eventId);
            lock.executeQuery().close();
        }
        return connection;
    }

    private void insert(UUID eventId, String group, Map<String, String> attributes) {
        repository.insert(eventId, "PaymentAuthorized", group, "payment-service", "{}", attributes);
    }

    private List<Boolean> publishedToSns(List<UUID> eventIds) {
        return eventIds.stream()
                .map(eventId -> jdbc.sql("select sns_published_at is not null from outbox_event where event_id = ?")
                        .param(eventId)
                        .query(Boolean.class)
                        .single())
                .toList();
    }

    private static List<String> deduplicationIds(List<Message> messages) {
        return messages.stream()
                .map(message -> message.attributes().get(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID))
                .toList();
    }

    private OutboxRelay startRelay() {
        var relay = new OutboxRelay(
                new RelayLeadership(dataSource, "payment-service"),
                repository,
                List.of(
                        new SnsEventPublisher(sns, "relay-events.fifo", null),
                        new EventBridgeEventPublisher(eventBridge, "relay-bus")),
                new OutboxMetrics(meters, Clock.systemUTC()),
                MessageTracing.OFF,
                new Backoff(Duration.ofMillis(200), Duration.ofSeconds(1)),
                Duration.ofMillis(100),
                100,
                4);
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
