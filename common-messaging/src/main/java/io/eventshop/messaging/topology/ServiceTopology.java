package io.eventshop.messaging.topology;

import io.eventshop.topology.ConsumerQueue;
import io.eventshop.topology.EventBus;
import io.eventshop.topology.Rule;
import io.eventshop.topology.Subscription;
import io.eventshop.topology.Topic;
import io.eventshop.topology.Topology;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The part of a topology that one service uses, which is what it verifies at start-up and all that its IAM role may
 * touch: its own queue with the queue's dead-letter queue and subscription, the topic it publishes to (and the one its
 * queue subscribes to), and the event bus it publishes to with the rules that deliver to its queue, each with only its
 * targets on that queue. Not the other services' queues, subscriptions and rules, and not the archive.
 */
final class ServiceTopology {

    private ServiceTopology() {}

    /**
     * @param service the consumer, as the topology names it ({@code eventshop.messaging.service-name})
     * @param topicName the topic the service publishes to
     * @param eventBusName the event bus the service publishes to
     */
    static Topology of(Topology topology, String service, String topicName, String eventBusName) {
        Optional<ConsumerQueue> queue = topology.queueOf(service);
        String queueName = queue.map(ConsumerQueue::name).orElse(null);
        String subscribedTopic =
                queue.map(ConsumerQueue::subscription).map(Subscription::topic).orElse(null);
        List<Topic> topics = topology.topics().stream()
                .filter(topic -> topic.name().equals(topicName) || topic.name().equals(subscribedTopic))
                .toList();
        List<EventBus> buses = topology.eventBuses().stream()
                .map(bus -> new EventBus(bus.name(), null, rulesDeliveringTo(queueName, bus)))
                .filter(bus -> bus.name().equals(eventBusName) || !bus.rules().isEmpty())
                .toList();
        return new Topology(topics, queue.stream().toList(), buses);
    }

    /** The bus's rules that target the queue, with only those targets. */
    private static List<Rule> rulesDeliveringTo(String queueName, EventBus bus) {
        return bus.rules().stream()
                .map(rule -> new Rule(
                        rule.name(),
                        rule.description(),
                        rule.eventPattern(),
                        rule.targets().stream()
                                .filter(target -> target.queue().equals(queueName))
                                .toList()))
                .filter(rule -> !rule.targets().isEmpty())
                .toList();
    }

    /** The resources of a topology in one line, for the log. */
    static String describe(Topology part) {
        List<String> queues = part.queues().stream()
                .flatMap(
                        queue -> Stream.of(queue.name(), queue.deadLetterQueue().name()))
                .toList();
        List<String> subscriptions = part.queues().stream()
                .filter(queue -> queue.subscription() != null)
                .map(queue -> queue.subscription().topic() + " -> " + queue.name())
                .toList();
        List<String> rules = part.eventBuses().stream()
                .flatMap(bus -> bus.rules().stream().map(rule -> bus.name() + "/" + rule.name()))
                .toList();
        return "SQS queues " + queues
                + ", SNS topics " + part.topics().stream().map(Topic::name).toList()
                + ", SNS subscriptions " + subscriptions
                + ", EventBridge buses "
                + part.eventBuses().stream().map(EventBus::name).toList()
                + ", EventBridge rules " + rules;
    }
}
