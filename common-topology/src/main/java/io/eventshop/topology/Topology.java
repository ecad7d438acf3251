package io.eventshop.topology;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The messaging topology: every topic, queue, subscription, event bus, rule, target and archive, as declared in
 * {@code infra/topology.yaml}. An instance is always valid: the constructor checks names, types and references, and
 * reports every problem at once.
 *
 * @param topics the SNS topics
 * @param queues the consumers' SQS queues, each with its dead-letter queue
 * @param eventBuses the EventBridge buses with their rules and archives
 */
public record Topology(List<Topic> topics, List<ConsumerQueue> queues, List<EventBus> eventBuses) {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    public Topology {
        topics = topics == null ? List.of() : List.copyOf(topics);
        queues = queues == null ? List.of() : List.copyOf(queues);
        eventBuses = eventBuses == null ? List.of() : List.copyOf(eventBuses);
        new TopologyValidator(topics, queues, eventBuses).validate();
    }

    /** Reads a topology from YAML, such as the {@code topology.yaml} resource. */
    public static Topology read(InputStream yaml) {
        try (yaml) {
            return YAML.readValue(yaml, Topology.class);
        } catch (JacksonException e) {
            if (e.getCause() instanceof InvalidTopologyException invalid) {
                throw invalid;
            }
            throw new InvalidTopologyException(List.of(e.getOriginalMessage() + " at " + e.getPathReference()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the topology", e);
        }
    }

    /** Reads a topology from a YAML string. */
    public static Topology parse(String yaml) {
        return read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    /** The queue that the given service consumes. */
    public ConsumerQueue queueFor(String consumer) {
        return queues.stream()
                .filter(queue -> queue.consumer().equals(consumer))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "No queue in the topology for consumer " + consumer + "; consumers are " + consumers()));
    }

    /** The queue that the given service consumes, if the topology declares one. */
    public Optional<ConsumerQueue> queueOf(String consumer) {
        return queues.stream()
                .filter(queue -> queue.consumer().equals(consumer))
                .findFirst();
    }

    /** The queue with the given name, whether a consumer's queue or a dead-letter queue's source. */
    public Optional<ConsumerQueue> queue(String name) {
        return queues.stream().filter(queue -> queue.name().equals(name)).findFirst();
    }

    /** The consumer queue whose dead-letter queue has the given name. */
    public Optional<ConsumerQueue> sourceOfDeadLetterQueue(String deadLetterQueueName) {
        return queues.stream()
                .filter(queue -> queue.deadLetterQueue().name().equals(deadLetterQueueName))
                .findFirst();
    }

    /** The topic with the given name. */
    public Optional<Topic> topic(String name) {
        return topics.stream().filter(topic -> topic.name().equals(name)).findFirst();
    }

    /** The names of the services that consume a queue. */
    public List<String> consumers() {
        return queues.stream().map(ConsumerQueue::consumer).distinct().toList();
    }
}
