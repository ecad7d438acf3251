package io.eventshop.messaging.listener;

import io.awspring.cloud.sqs.listener.QueueNotFoundStrategy;
import io.awspring.cloud.sqs.listener.SqsHeaders;
import io.awspring.cloud.sqs.listener.SqsMessageListenerContainer;
import io.awspring.cloud.sqs.listener.acknowledgement.handler.AcknowledgementMode;
import io.awspring.cloud.sqs.listener.errorhandler.AsyncErrorHandler;
import io.awspring.cloud.sqs.listener.errorhandler.ExponentialBackoffErrorHandler;
import io.eventshop.events.EventJson;
import io.eventshop.messaging.MessagingProperties;
import io.eventshop.messaging.inbox.Inbox;
import io.eventshop.messaging.metrics.HandlerOutcomes;
import io.eventshop.messaging.metrics.QueueMetrics;
import io.eventshop.topology.Topology;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
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
 *
 * <p>What becomes of each message is counted by event type ({@code eventshop.messages.handled}, see
 * {@link HandlerOutcomes}): the inbox counts handled and duplicate, {@link DeadLetters} dead-lettered, and the error
 * handler retried. The container also runs the interceptor of the queue's gauges ({@link QueueMetrics}), which takes
 * the age of the oldest message from the SentTimestamp of the messages received.
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
            ObjectProvider<ObservationRegistry> observations,
            MeterRegistry meterRegistry,
            ObjectProvider<QueueMetrics> queueMetrics) {
        MessagingProperties.Listener listener = properties.listener();
        var outcomes = new HandlerOutcomes(meterRegistry);
        @Nullable QueueMetrics gauges = queueMetrics.getIfAvailable();
        var unwrapper = new EnvelopeUnwrapper(json);
        var deadLetters =
                new DeadLetters(sqs, outcomes, unwrapper, gauges == null ? queue -> {} : gauges::deadLettered);
        var eventListener = new InboxEventListener(properties.serviceName(), handlers, inbox, unwrapper, deadLetters);
        var builder = SqsMessageListenerContainer.builder()
                .id("eventshop-events")
                .sqsAsyncClient(GatheredDeletes.around(sqs))
                .queueNames(queueName(properties, topology))
                .messageListener(eventListener)
                .errorHandler(new CountingRetries(
                        outcomes,
                        unwrapper,
                        ExponentialBackoffErrorHandler.builder()
                                .initialVisibilityTimeoutSeconds(
                                        (int) listener.retryInitialVisibility().toSeconds())
                                .multiplier(2)
                                .maxVisibilityTimeoutSeconds(
                                        (int) listener.retryMaxVisibility().toSeconds())
                                .build()))
                .configure(options -> options.maxConcurrentMessages(listener.maxConcurrentMessages())
                        .maxMessagesPerPoll(Math.min(10, listener.maxConcurrentMessages()))
                        .pollTimeout(listener.pollTimeout())
                        // How long Spring Cloud AWS waits for a full batch's worth of free handlers before it
                        // receives fewer (common-messaging/README.md, listener.full-batch-wait).
                        .maxDelayBetweenPolls(listener.fullBatchWait())
                        .acknowledgementMode(AcknowledgementMode.ON_SUCCESS)
                        // Delete each message as soon as its handler has committed, not in timed batches: a batch
                        // still waiting when the service stops would be redelivered, and that is work done twice.
                        // Deletes made while one is in flight share the next request (GatheredDeletes).
                        .acknowledgementInterval(Duration.ZERO)
                        .acknowledgementThreshold(0)
                        .messageAttributeNames(List.of("All"))
                        // Never CreateQueue (Spring Cloud AWS's default for a queue it cannot find): the topology
                        // creates queues, and the service's IAM role does not allow it.
                        .queueNotFoundStrategy(QueueNotFoundStrategy.FAIL)
                        // ApproximateReceiveCount drives the backoff; MessageGroupId keeps FIFO dead letters in order;
                        // SentTimestamp gives the queue's oldest-message age (metrics/ListenerAges).
                        .messageSystemAttributeNames(List.of(MessageSystemAttributeName.ALL))
                        .listenerShutdownTimeout(listener.shutdownTimeout())
                        .acknowledgementShutdownTimeout(listener.shutdownTimeout())
                        .observationRegistry(observations.getIfAvailable(() -> ObservationRegistry.NOOP)));
        if (gauges != null) {
            builder.messageInterceptor(gauges.listenerInterceptor());
        }
        return builder.build();
    }

    private static String queueName(MessagingProperties properties, Topology topology) {
        return properties
                .consumedQueue(topology)
                .orElseThrow(() -> new IllegalStateException("The topology declares no queue for consumer "
                        + properties.serviceName() + " (it has " + topology.consumers()
                        + "); set eventshop.messaging.listener.queue or add the queue to infra/topology.yaml"));
    }

    /**
     * Counts each message whose handling threw as {@code retried} ({@code eventshop.messages.handled}), then lets the
     * backoff delay its next delivery. Every exception that reaches the error handler leaves the message in the queue.
     */
    private static final class CountingRetries implements AsyncErrorHandler<Object> {

        private final HandlerOutcomes outcomes;
        private final EnvelopeUnwrapper unwrapper;
        private final AsyncErrorHandler<Object> backoff;

        CountingRetries(HandlerOutcomes outcomes, EnvelopeUnwrapper unwrapper, AsyncErrorHandler<Object> backoff) {
            this.outcomes = outcomes;
            this.unwrapper = unwrapper;
            this.backoff = backoff;
        }

        @Override
        public CompletableFuture<Void> handle(Message<Object> message, Throwable t) {
            count(message);
            return backoff.handle(message, t);
        }

        private void count(Message<Object> message) {
            var source = message.getHeaders()
                    .get(SqsHeaders.SQS_SOURCE_DATA_HEADER, software.amazon.awssdk.services.sqs.model.Message.class);
            outcomes.count(source == null ? null : unwrapper.eventTypeOf(source), HandlerOutcomes.Outcome.RETRIED);
        }

        @Override
        public CompletableFuture<Void> handle(Collection<Message<Object>> messages, Throwable t) {
            messages.forEach(message -> count(message));
            return backoff.handle(messages, t);
        }
    }
}
