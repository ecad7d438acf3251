package io.eventshop.messaging.outbox;

import static io.eventshop.messaging.testing.TestEvents.paymentAuthorized;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventshop.devstack.aws.LocalAwsEndpoint;
import io.eventshop.events.EventEnvelope;
import io.eventshop.messaging.testing.AwsFixtures;
import io.eventshop.messaging.testing.MessagingIntegrationTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** The relay's AWS clients point at a port where, at first, nothing listens. */
@MessagingIntegrationTest(
        properties = {
            "eventshop.messaging.service-name=payment-service",
            "eventshop.messaging.topic=outage-events.fifo",
            "eventshop.messaging.event-bus=outage-bus",
            // The context starts while AWS is unreachable, so the topology can be neither provisioned nor verified.
            "eventshop.messaging.topology-check=false"
        })
@DirtiesContext
class RelayOutageIntegrationTests {

    private static final int PORT = freePort();

    @Autowired
    Outbox outbox;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OutboxRelay relay;

    @DynamicPropertySource
    static void unreachableEndpoint(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.aws.endpoint", () -> "http://localhost:" + PORT);
    }

    @Test
    void eventsWaitWhileAwsIsUnreachableAndAreAllPublishedInOrderWhenItIsBack() {
        Map<String, List<String>> written = new LinkedHashMap<>();
        List<UUID> orders = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        for (int round = 0; round < 3; round++) {
            for (UUID order : orders) {
                EventEnvelope event =
                        transaction.execute(status -> outbox.add(paymentAuthorized(order), UUID.randomUUID(), null));
                written.computeIfAbsent(order.toString(), key -> new ArrayList<>())
                        .add(event.eventId().toString());
            }
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> count("attempts >= 2") == orders.size());
        assertThat(count("sns_published_at is not null or events_published_at is not null"))
                .isZero();

        // The relay keeps retrying while the endpoint comes back. Were it running while the fixtures are created, it
        // could publish to the topic before the queue's subscription exists, or to the bus before its rule does, and
        // those events would be delivered nowhere. So it pauses (finishing its pass) until everything is in place.
        relay.stop();
        try (LocalAwsEndpoint endpoint = LocalAwsEndpoint.start(PORT);
                AwsFixtures aws = new AwsFixtures(endpoint)) {
            String queue = aws.fifoQueue("outage-sns.fifo");
            aws.subscribeRaw(aws.fifoTopic("outage-events.fifo"), queue);
            String busQueue = aws.queue("outage-eventbridge", Map.of());
            aws.busToQueue("outage-bus", "eventshop.payment-service", busQueue);
            relay.start();

            List<Message> received = aws.receive(queue, 9);

            assertThat(eventIdsByGroup(received)).isEqualTo(written);
            assertThat(aws.receive(busQueue, 9)).hasSize(9);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> count("sns_published_at is not null and events_published_at is not null") == 9);
        }
    }

    private int count(String condition) {
        return jdbc.sql("select count(*) from outbox_event where " + condition)
                .query(Integer.class)
                .single();
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

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
