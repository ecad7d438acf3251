package io.eventshop.messaging.listener;

import io.awspring.cloud.sqs.listener.QueueNotFoundStrategy;
import io.awspring.cloud.sqs.listener.SqsMessageListenerContainer;
import io.awspring.cloud.sqs.listener.acknowledgement.handler.AcknowledgementMode;
import io.awspring.cloud.sqs.listener.errorhandler.ExponentialBackoffErrorHandler;
import io.eventshop.events.EventJson;
import io.eventshop.messaging.MessagingProperties;
import io.eventshop.messaging.inbox.Inbox;
import io.eventshop.topology.ConsumerQueue;
import io.eventshop.topology.Topology;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The listener container on the service's queue, which feeds the service's {@link EventHandlers} bean; a service
 * without one runs no listener. The queue is the one the topology declares for the service (its consumer is
 * {@code eventshop.messaging.service-name}), unless {@code eventshop.messaging.listener.queue} names another.
 *
 * <p>A message is deleted only when its handler succeeded. When it throws, the error handler extends the message's
 * invisibility exponentially with its ApproximateReceiveCount, and after the queue's {@code maxReceiveCount} SQS moves
 * it to the dead-letter queue. On shutdown the container stops polling and waits up to
 * {@code listener.shutdown-timeout} for the messages in flight, and then for their deletion.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBean(EventHandlers.class)
public class ListenerConfiguration {

    @Bean
    SqsMessageListenerContainer<Object> eventListenerContainer(
            SqsAsyncClient sqs,
            EventHandlers handlers,
            Inbox inbox,
            EventJson json,
            MessagingProperties properties,
            Topology topology,
            ObjectProvider<ObservationRegistry> observations) {
        MessagingProperties.Listener listener = properties.listener();
        var eventListener = new InboxEventListener(
                properties.serviceName(), handlers, inbox, new EnvelopeUnwrapper(json), new DeadLetters(sqs));
        return SqsMessageListenerContainer.builder()
                .id("eventshop-events")
                .sqsAsyncClient(sqs)
                .queueNames(queueName(listener, topology, properties.serviceName()))
                .messageListener(eventListener)
                .errorHandler(ExponentialBackoffErrorHandler.builder()
                        .initialVisibilityTimeoutSeconds(
                                (int) listener.retryInitialVisibility().toSeconds())
                        .multiplier(2)
                        .maxVisibilityTimeoutSeconds(
                                (int) listener.retryMaxVisibility().toSeconds())
                        .build())
                .configure(options -> options.maxConcurrentMessages(listener.maxConcurrentMessages())
                        .maxMessagesPerPoll(Math.min(10, listener.maxConcurrentMessages()))
                        .pollTimeout(listener.pollTimeout())
                        .acknowledgementMode(AcknowledgementMode.ON_SUCCESS)
                        // Delete each message as soon as its handler has committed, not in timed batches: a batch
                        // still waiting when the service stops would be redelivered, and that is work done twice.
                        .acknowledgementInterval(Duration.ZERO)
                        .acknowledgementThreshold(0)
                        .messageAttributeNames(List.of("All"))
                        // Never CreateQueue (Spring Cloud AWS's default for a queue it cannot find): the topology
                        // creates queues, and the service's IAM role does not allow it.
                        .queueNotFoundStrategy(QueueNotFoundStrategy.FAIL)
                        // ApproximateReceiveCount drives the backoff; MessageGroupId keeps FIFO dead letters in order.
                        .messageSystemAttributeNames(List.of(MessageSystemAttributeName.ALL))
                        .listenerShutdownTimeout(listener.shutdownTimeout())
                        .acknowledgementShutdownTimeout(listener.shutdownTimeout())
                        .observationRegistry(observations.getIfAvailable(() -> ObservationRegistry.NOOP)))
                .build();
    }

    private static String queueName(MessagingProperties.Listener listener, Topology topology, String serviceName) {
        if (listener.queue() != null) {
            return listener.queue();
        }
        return topology.queueOf(serviceName)
                .map(ConsumerQueue::name)
                .orElseThrow(() -> new IllegalStateException("The topology declares no queue for consumer "
                        + serviceName + " (it has " + topology.consumers()
                        + "); set eventshop.messaging.listener.queue or add the queue to infra/topology.yaml"));
    }
}
