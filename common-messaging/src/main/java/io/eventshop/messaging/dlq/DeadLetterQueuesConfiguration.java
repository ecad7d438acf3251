package io.eventshop.messaging.dlq;

import io.eventshop.messaging.MessagingProperties;
import io.eventshop.topology.Topology;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Wires the {@code /ops/dlq} endpoint for the service named by {@code eventshop.messaging.service-name}, which is how
 * the topology names each queue's consumer. Needs a {@link Topology} (from
 * {@link io.eventshop.messaging.topology.TopologyConfiguration}) and an {@link SqsClient} bean.
 */
@Configuration(proxyBeanMethods = false)
public class DeadLetterQueuesConfiguration {

    @Bean
    DeadLetterQueues deadLetterQueues(SqsClient sqs, Topology topology, MessagingProperties properties) {
        return new DeadLetterQueues(sqs, topology, properties.serviceName());
    }

    @Bean
    DeadLetterQueueController deadLetterQueueController(DeadLetterQueues deadLetterQueues) {
        return new DeadLetterQueueController(deadLetterQueues);
    }
}
