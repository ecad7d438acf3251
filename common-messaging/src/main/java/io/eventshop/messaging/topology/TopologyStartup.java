package io.eventshop.messaging.topology;

import io.eventshop.messaging.MessagingProperties;
import io.eventshop.topology.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Provisions or verifies the topology once all singletons exist. That is before any lifecycle bean starts, so before
 * the SQS listener containers poll their queues; a failure here fails start-up with its message.
 *
 * <p>Provisioning ({@code eventshop.messaging.provision=true}: the devstack, docker compose, tests) creates or updates
 * the whole topology. Verifying (the default, and AWS, where the CDK stack {@code eventshop-messaging} creates the
 * resources) checks only the part that this service uses ({@link ServiceTopology}): its own queue and dead-letter queue,
 * its queue's subscription, the topic it publishes to, the event bus it publishes to, and the rules, with their
 * targets, that deliver to its queue.
 *
 * <h2>The AWS API actions a service calls</h2>
 *
 * <p>The ECS task role grants exactly these, each on the resource named, and nothing on {@code *}. "Own queue" is the
 * queue the topology declares for {@code eventshop.messaging.service-name}, "own DLQ" its dead-letter queue. A batch
 * call is allowed by the action of its single form (DeleteMessageBatch by {@code sqs:DeleteMessage}, PublishBatch by
 * {@code sns:Publish}).
 *
 * <p>At start-up, verifying (this class, with {@code eventshop.messaging.topic} given as an ARN):
 *
 * <ul>
 *   <li>own queue: {@code sqs:GetQueueUrl}, {@code sqs:GetQueueAttributes} (its QueueArn, to find its subscription);
 *   <li>own DLQ: {@code sqs:GetQueueUrl};
 *   <li>topic: {@code sns:GetTopicAttributes}, {@code sns:ListSubscriptionsByTopic};
 *   <li>bus: {@code events:DescribeEventBus};
 *   <li>each rule that targets own queue: {@code events:DescribeRule}, {@code events:ListTargetsByRule}.
 * </ul>
 *
 * <p>With the topic given by name, the topic is found with {@code sns:ListTopics}, which IAM cannot limit to one topic:
 * for the devstack only.
 *
 * <p>At run time:
 *
 * <ul>
 *   <li>listener, on own queue: {@code sqs:GetQueueUrl} (once, as the container starts), {@code sqs:ReceiveMessage},
 *       {@code sqs:DeleteMessage} (DeleteMessageBatch), {@code sqs:ChangeMessageVisibility} (and its batch form; the
 *       retry backoff);
 *   <li>listener, a message that can never succeed ({@code listener/DeadLetters}): {@code sqs:GetQueueAttributes}
 *       (RedrivePolicy) on own queue; {@code sqs:GetQueueUrl}, {@code sqs:SendMessage} on own DLQ;
 *   <li>DLQ operations ({@code /ops/dlq}, {@code dlq/}): on own DLQ {@code sqs:GetQueueUrl},
 *       {@code sqs:GetQueueAttributes}, {@code sqs:ReceiveMessage}, {@code sqs:ChangeMessageVisibility}
 *       (ChangeMessageVisibilityBatch), {@code sqs:DeleteMessage}; on own queue {@code sqs:GetQueueUrl},
 *       {@code sqs:SendMessage}; redriving a whole standard DLQ (notification-service's) also
 *       {@code sqs:StartMessageMoveTask} on own DLQ and {@code sqs:GetQueueAttributes} (QueueArn) on own queue;
 *   <li>relay: {@code sns:Publish} (PublishBatch) on the topic, {@code events:PutEvents} on the bus;
 *   <li>queue gauges ({@code metrics/QueueMetrics}): {@code sqs:GetQueueUrl} and {@code sqs:GetQueueAttributes} on own
 *       queue and own DLQ, on a schedule.
 * </ul>
 */
final class TopologyStartup implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(TopologyStartup.class);

    private final TopologyProvisioner provisioner;
    private final Topology topology;
    private final boolean provision;
    private final MessagingProperties messaging;

    TopologyStartup(
            TopologyProvisioner provisioner, Topology topology, boolean provision, MessagingProperties messaging) {
        this.provisioner = provisioner;
        this.topology = topology;
        this.provision = provision;
        this.messaging = messaging;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (provision) {
            ProvisioningReport report = provisioner.provision(topology);
            log.info("Provisioned the messaging topology: {}", report);
        } else {
            Topology part =
                    ServiceTopology.of(topology, messaging.serviceName(), messaging.topicName(), messaging.eventBus());
            provisioner.verify(part, messaging.topicArn());
            log.info(
                    "Verified the messaging topology that {} uses, and created nothing: {}",
                    messaging.serviceName(),
                    ServiceTopology.describe(part));
        }
    }
}
