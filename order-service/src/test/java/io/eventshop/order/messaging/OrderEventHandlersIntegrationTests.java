package io.eventshop.order.messaging;

import static io.eventshop.order.testing.SagaEvents.paymentAuthorized;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.devstack.aws.LocalAwsEndpoint;
import io.eventshop.events.EventEnvelope;
import io.eventshop.events.EventJson;
import io.eventshop.messaging.testing.AwsFixtures;
import io.eventshop.messaging.testing.SagaTopic;
import io.eventshop.order.testing.OrderServiceIntegrationTest;
import io.eventshop.order.testing.SagaEvents;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An event that can never be applied is retried and then kept in the dead-letter queue, never dropped. */
@OrderServiceIntegrationTest
class OrderEventHandlersIntegrationTests {

    @Test
    void anOutcomeForAnOrderThatDoesNotExistEndsInTheDeadLetterQueue(LocalAwsEndpoint endpoint) {
        try (var topic = new SagaTopic();
                var aws = new AwsFixtures(endpoint)) {
            EventEnvelope stray = new SagaEvents(topic).publish(paymentAuthorized(UUID.randomUUID()));

            String deadLetterQueue = aws.queueUrl("order-service-events-dlq.fifo");
            var dead = aws.receive(deadLetterQueue, 1);

            assertThat(dead)
                    .extracting(message -> new EventJson().read(message.body()).eventId())
                    .contains(stray.eventId());
        }
    }
}
