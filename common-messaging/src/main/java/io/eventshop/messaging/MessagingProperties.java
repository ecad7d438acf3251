package io.eventshop.messaging;

import io.eventshop.topology.ConsumerQueue;
import io.eventshop.topology.Topology;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The settings of the messaging building blocks, under {@code eventshop.messaging}.
 *
 * @param serviceName the service that publishes and consumes, such as {@code payment-service}: the EventBridge source
 *     is {@code eventshop.<serviceName>} and the inbox consumer is this name
 * @param topic the SNS FIFO topic the relay publishes to: its ARN ({@code arn:aws:sns:<region>:<account>:order-events.fifo}),
 *     used as it is, which is how it is given on AWS ({@code EVENTSHOP_MESSAGING_TOPIC}, from the CDK stack), or its
 *     name, whose ARN is then looked up with SNS ListTopics (the devstack, docker compose, tests). ListTopics cannot be
 *     granted on one topic only, so a service whose role may touch only its own resources needs the ARN
 * @param eventBus the name of the EventBridge bus the relay publishes to
 * @param relay the outbox relay
 * @param inbox the inbox
 * @param listener the SQS listener
 * @param queueMetrics the gauges of the service's queue and dead-letter queue
 */
@Validated
@ConfigurationProperties("eventshop.messaging")
public record MessagingProperties(
        @NotBlank String serviceName,
        @NotBlank @DefaultValue("order-events.fifo") String topic,
        @NotBlank @DefaultValue("eventshop") String eventBus,
        @Valid @DefaultValue Relay relay,
        @Valid @DefaultValue Inbox inbox,
        @Valid @DefaultValue Listener listener,
        @Valid @DefaultValue QueueMetrics queueMetrics) {

    /** The topic's ARN, when {@link #topic} is one; {@code null} when it is a name. */
    public @Nullable String topicArn() {
        return topic.startsWith("arn:") ? topic : null;
    }

    /** The topic's name: {@link #topic} itself, or the last part of its ARN. */
    public String topicName() {
        return topic.substring(topic.lastIndexOf(':') + 1);
    }

    /**
     * The queue that the service consumes: {@code listener.queue} when it is set, otherwise the one that the topology
     * declares for {@link #serviceName}; empty when neither names one.
     */
    public Optional<String> consumedQueue(Topology topology) {
        if (listener.queue() != null) {
            return Optional.of(listener.queue());
        }
        return topology.queueOf(serviceName).map(ConsumerQueue::name);
    }

    /**
     * The outbox relay.
     *
     * @param enabled whether this instance runs a relay (it still writes to the outbox when it does not)
     * @param pollInterval how often the relay looks for events when no commit has woken it
     * @param batchSize how many events the relay claims at a time, for every destination (sent 10 per call)
     * @param maxInFlight how many batches the relay publishes at a time, each for other message groups; a batch makes
     *     one call to each destination
     * @param initialBackoff the delay before the first retry of an event that failed to publish
     * @param maxBackoff the longest delay between two retries
     * @param retention how long events published to every destination are kept before they are deleted
     * @param cleanupInterval how often published events past their retention are deleted
     */
    public record Relay(
            @DefaultValue("true") boolean enabled,
            @NotNull @DefaultValue("1s") Duration pollInterval,
            @Min(1) @Max(1000) @DefaultValue("100") int batchSize,
            @Min(1) @Max(16) @DefaultValue("4") int maxInFlight,
            @NotNull @DefaultValue("1s") Duration initialBackoff,
            @NotNull @DefaultValue("5m") Duration maxBackoff,
            @NotNull @DefaultValue("7d") Duration retention,
            @NotNull @DefaultValue("1h") Duration cleanupInterval) {}

    /**
     * The inbox.
     *
     * @param retention how long a received eventId is remembered; at least the queues' retention (at most 14 days),
     *     so that no redelivery outlives it
     * @param cleanupInterval how often expired rows are deleted
     */
    public record Inbox(
            @NotNull @DefaultValue("14d") Duration retention,
            @NotNull @DefaultValue("1h") Duration cleanupInterval) {}

    /**
     * The SQS listener that feeds the service's event handlers.
     *
     * @param queue the name of the queue to listen on, instead of the one the topology declares for the service
     * @param maxConcurrentMessages how many messages are handled at once
     * @param pollTimeout how long a receive waits for messages (long polling; at most 20 seconds)
     * @param fullBatchWait how long the listener waits for room for a full batch of messages before it receives
     *     fewer: short for handlers that wait for an outside call, so that a message that arrives meanwhile is received
     *     at once rather than once the whole batch in hand is done
     * @param retryInitialVisibility how long a message whose handler failed stays invisible before its first retry
     * @param retryMaxVisibility the longest it stays invisible between retries; the delay doubles with every receive
     * @param shutdownTimeout how long shutdown waits for the messages in flight to finish
     */
    public record Listener(
            @Nullable String queue,
            @Min(1) @DefaultValue("10") int maxConcurrentMessages,
            @NotNull @DefaultValue("20s") Duration pollTimeout,
            @NotNull @DefaultValue("10s") Duration fullBatchWait,
            @NotNull @DefaultValue("5s") Duration retryInitialVisibility,
            @NotNull @DefaultValue("5m") Duration retryMaxVisibility,
            @NotNull @DefaultValue("30s") Duration shutdownTimeout) {}

    /**
     * The gauges of the service's queue and of its dead-letter queue ({@code metrics/QueueMetrics}).
     *
     * @param enabled whether the service reads its queues' attributes and publishes the gauges
     * @param interval how long the gauges keep a reading before the next one; each reading is one
     *     {@code GetQueueAttributes} call per queue
     */
    public record QueueMetrics(
            @DefaultValue("true") boolean enabled,
            @NotNull @DefaultValue("15s") Duration interval) {}
}
