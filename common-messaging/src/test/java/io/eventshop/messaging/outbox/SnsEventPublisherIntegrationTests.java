package io.eventshop.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.devstack.aws.LocalAwsEndpoint;
import io.eventshop.devstack.aws.junit.LocalAwsExtension;
import io.eventshop.messaging.testing.AwsFixtures;
import io.eventshop.messaging.topology.AwsCalls;
import io.eventshop.messaging.topology.LocalAwsClients;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sns.SnsClient;

/** The topic given by ARN, as on AWS, or by name, as on the devstack. */
@ExtendWith(LocalAwsExtension.class)
class SnsEventPublisherIntegrationTests {

    @Test
    void givenTheTopicsArnThePublisherPublishesToItWithoutListingTopics(LocalAwsEndpoint endpoint) {
        var calls = new AwsCalls();
        try (AwsFixtures aws = new AwsFixtures(endpoint);
                SnsClient sns = LocalAwsClients.sns(endpoint, calls)) {
            String topicArn = aws.fifoTopic("publisher-arn-events.fifo");
            var publisher = new SnsEventPublisher(sns, "publisher-arn-events.fifo", topicArn);

            PublishResult result = publisher.publish(List.of(event(1), event(2)));

            assertThat(result.published()).containsExactly(1L, 2L);
            assertThat(calls.actions()).containsExactly("sns:PublishBatch");
        }
    }

    @Test
    void givenTheTopicsNameThePublisherLooksItUpOnce(LocalAwsEndpoint endpoint) {
        var calls = new AwsCalls();
        try (AwsFixtures aws = new AwsFixtures(endpoint);
                SnsClient sns = LocalAwsClients.sns(endpoint, calls)) {
            aws.fifoTopic("publisher-name-events.fifo");
            var publisher = new SnsEventPublisher(sns, "publisher-name-events.fifo", null);

            publisher.publish(List.of(event(1)));
            publisher.publish(List.of(event(2)));

            assertThat(calls.calls())
                    .extracting(AwsCalls.Call::action)
                    .containsExactly("sns:ListTopics", "sns:PublishBatch", "sns:PublishBatch");
        }
    }

    private static OutboxEvent event(long id) {
        return new OutboxEvent(
                id,
                UUID.randomUUID(),
                "PaymentAuthorized",
                UUID.randomUUID().toString(),
                "payment-service",
                "{}",
                Map.of("eventType", "PaymentAuthorized"),
                Instant.now(),
                0);
    }
}
