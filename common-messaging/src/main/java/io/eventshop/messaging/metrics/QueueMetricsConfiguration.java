package io.eventshop.messaging.metrics;

import io.eventshop.messaging.MessagingProperties;
import io.eventshop.topology.ConsumerQueue;
import io.eventshop.topology.Topology;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The gauges of the service's own queues ({@link QueueMetrics}): the queue it consumes (the topology's queue for
 * {@code eventshop.messaging.service-name}, or {@code eventshop.messaging.listener.queue}) and that queue's dead-letter
 * queue. A service with no queue has none; {@code eventshop.messaging.queue-metrics.enabled=false} turns them off.
 */
@Configuration(proxyBeanMethods = false)
public class QueueMetricsConfiguration {

    @Bean
    @ConditionalOnBooleanProperty(name = "eventshop.messaging.queue-metrics.enabled", matchIfMissing = true)
    @Nullable
    QueueMetrics queueMetrics(
            SqsClient sqs, MeterRegistry registry, Clock clock, MessagingProperties properties, Topology topology) {
        return properties
                .consumedQueue(topology)
                .map(queue -> new QueueMetrics(
                        sqs,
                        registry,
                        clock,
                        properties.queueMetrics().interval(),
                        queue,
                        topology.queue(queue)
                                .map(ConsumerQueue::deadLetterQueue)
                                .map(deadLetterQueue -> deadLetterQueue.name())
                                .orElse(null)))
                .orElse(null);
    }
}
