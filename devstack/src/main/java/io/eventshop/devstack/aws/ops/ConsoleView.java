package io.eventshop.devstack.aws.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventshop.devstack.aws.AwsAccount;
import io.eventshop.devstack.aws.events.EventBridgeService;
import io.eventshop.devstack.aws.sns.SnsService;
import io.eventshop.devstack.aws.sqs.QueueContents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.ListMessageMoveTasksResultEntry;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * What the devstack console shows, in one JSON document: the queues with their depths, the dead-letter queues with
 * their messages, the topics with their subscriptions, and the buses with their rules and archives.
 *
 * <p>Queue depths, redrive policies and move tasks come from SQS's own API (GetQueueAttributes,
 * ListMessageMoveTasks), through the endpoint's in-process client, so they are what any client would read. The
 * messages of dead-letter queues and each queue's oldest message come from {@link QueueContents}, which sees them
 * without receiving them: a receive would count in their receive count and hide them from consumers for a while.
 */
final class ConsoleView {

    /** At most this many messages of a dead-letter queue are shown, oldest first. */
    static final int MESSAGES_SHOWN = 50;

    /** Longer bodies are cut here. */
    static final int BODY_CHARS = 4_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SqsAsyncClient sqs;
    private final QueueContents contents;
    private final SnsService sns;
    private final EventBridgeService events;

    ConsoleView(SqsAsyncClient sqs, QueueContents contents, SnsService sns, EventBridgeService events) {
        this.sqs = sqs;
        this.contents = contents;
        this.sns = sns;
        this.events = events;
    }

    /** A queue as SQS describes it, and where its redrive policy sends what fails. */
    record Queue(String name, String url, String arn, boolean fifo, Map<String, String> attributes) {

        long count(QueueAttributeName name) {
            return Long.parseLong(attributes.getOrDefault(name.toString(), "0"));
        }

        String deadLetterQueueArn() {
            return redrivePolicy().path("deadLetterTargetArn").asText(null);
        }

        int maxReceiveCount() {
            return redrivePolicy().path("maxReceiveCount").asInt(0);
        }

        private JsonNode redrivePolicy() {
            String policy = attributes.get(QueueAttributeName.REDRIVE_POLICY.toString());
            if (policy == null || policy.isBlank()) {
                return JSON.missingNode();
            }
            try {
                return JSON.readTree(policy);
            } catch (Exception unreadable) {
                return JSON.missingNode();
            }
        }
    }

    Map<String, Object> build() {
        Instant now = Instant.now();
        List<Queue> queues = queues();
        List<Map<String, Object>> topics = sns.topicsWithSubscriptions();
        List<Map<String, Object>> buses = events.busesWithRules();

        // A queue is a dead-letter queue when a queue's redrive policy, a subscription or a rule's target names it.
        Map<String, Set<String>> sourcesByDeadLetterArn = new TreeMap<>();
        Set<String> deadLetterArns = new TreeSet<>();
        for (Queue queue : queues) {
            String deadLetterArn = queue.deadLetterQueueArn();
            if (deadLetterArn != null) {
                deadLetterArns.add(deadLetterArn);
                sourcesByDeadLetterArn
                        .computeIfAbsent(deadLetterArn, arn -> new TreeSet<>())
                        .add(queue.name());
            }
        }
        topics.forEach(topic -> list(topic.get("subscriptions"))
                .forEach(subscription -> addIfSet(deadLetterArns, subscription.get("deadLetterQueueArn"))));
        buses.forEach(bus -> list(bus.get("rules")).forEach(rule -> list(rule.get("targets"))
                .forEach(target -> addIfSet(deadLetterArns, target.get("deadLetterQueueArn")))));

        List<Map<String, Object>> queueViews = new ArrayList<>();
        List<Map<String, Object>> deadLetterViews = new ArrayList<>();
        for (Queue queue : queues) {
            forgetPurged(queue, now);
            boolean deadLetterQueue = deadLetterArns.contains(queue.arn());
            queueViews.add(queueView(queue, deadLetterQueue));
            if (deadLetterQueue) {
                deadLetterViews.add(
                        deadLetterView(queue, List.copyOf(sourcesByDeadLetterArn.getOrDefault(queue.arn(), Set.of()))));
            }
        }

        Map<String, Object> view = new LinkedHashMap<>();
        view.put("generatedAt", now.toString());
        view.put("queues", queueViews);
        view.put("deadLetterQueues", deadLetterViews);
        view.put("topics", topics);
        view.put("buses", buses);
        return view;
    }

    /** Every queue of the endpoint, by name, with all its attributes. */
    List<Queue> queues() {
        List<String> urls = new ArrayList<>();
        String nextToken = null;
        do {
            String token = nextToken;
            var page = sqs.listQueues(b -> b.maxResults(1000).nextToken(token)).join();
            urls.addAll(page.queueUrls());
            nextToken = page.nextToken();
        } while (nextToken != null);

        List<CompletableFuture<Queue>> described = urls.stream()
                .map(url -> sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.ALL))
                        .thenApply(response -> {
                            Map<String, String> attributes = response.attributesAsStrings();
                            String name = url.substring(url.lastIndexOf('/') + 1);
                            return new Queue(
                                    name,
                                    url,
                                    attributes.get(QueueAttributeName.QUEUE_ARN.toString()),
                                    name.endsWith(".fifo"),
                                    attributes);
                        })
                        // A queue deleted between the two calls is simply left out.
                        .exceptionally(gone -> null))
                .toList();
        return described.stream()
                .map(CompletableFuture::join)
                .filter(queue -> queue != null)
                .sorted(Comparator.comparing(Queue::name))
                .toList();
    }

    /**
     * ElasticMQ does not tell its listener of a PurgeQueue. When SQS counts no message in a queue, what {@link
     * QueueContents} heard of it before the count is left over from one.
     */
    private void forgetPurged(Queue queue, Instant countedAfter) {
        long total = queue.count(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)
                + queue.count(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)
                + queue.count(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED);
        if (total == 0 && contents.size(queue.name()) > 0) {
            contents.forgetHeardBefore(queue.name(), countedAfter);
        }
    }

    private Map<String, Object> queueView(Queue queue, boolean deadLetterQueue) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", queue.name());
        view.put("arn", queue.arn());
        view.put("fifo", queue.fifo());
        view.put("deadLetterQueue", deadLetterQueue);
        view.put("visible", queue.count(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
        view.put("inFlight", queue.count(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
        view.put("delayed", queue.count(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED));
        view.put(
                "oldestSentAt",
                contents.oldestSentAt(queue.name()).map(Instant::toString).orElse(null));
        String deadLetterArn = queue.deadLetterQueueArn();
        if (deadLetterArn != null) {
            Map<String, Object> redrive = new LinkedHashMap<>();
            redrive.put("deadLetterQueue", nameOf(deadLetterArn));
            redrive.put("maxReceiveCount", queue.maxReceiveCount());
            view.put("redrivePolicy", redrive);
        } else {
            view.put("redrivePolicy", null);
        }
        return view;
    }

    private Map<String, Object> deadLetterView(Queue queue, List<String> sourceQueues) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", queue.name());
        view.put("fifo", queue.fifo());
        view.put(
                "messageCount",
                queue.count(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)
                        + queue.count(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)
                        + queue.count(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED));
        view.put("sourceQueues", sourceQueues);
        view.put(
                "messages",
                contents.messages(queue.name(), MESSAGES_SHOWN).stream()
                        .map(ConsoleView::messageView)
                        .toList());
        view.put("moveTask", latestMoveTask(queue));
        return view;
    }

    private static Map<String, Object> messageView(QueueContents.Message message) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", message.id());
        view.put("sentAt", message.sentAt().toString());
        view.put("receiveCount", message.receiveCount());
        view.put("reason", reasonOf(message));
        view.put("messageGroupId", message.messageGroupId());
        boolean cut = message.body().length() > BODY_CHARS;
        view.put("body", cut ? message.body().substring(0, BODY_CHARS) : message.body());
        view.put("bodyCut", cut);
        Map<String, String> attributes = new TreeMap<>();
        message.attributes().forEach((name, attribute) -> attributes.put(name, attribute.value()));
        view.put("attributes", attributes);
        return view;
    }

    /**
     * Why a message is in a dead-letter queue. A consumer that gives up on a message may say why in an attribute
     * whose name ends in {@code reason}; EventBridge puts {@code ERROR_CODE} and {@code ERROR_MESSAGE} on an event it
     * could not deliver; SQS moves a message that was received {@code maxReceiveCount} times and not deleted. Null
     * when none of these tells.
     */
    static String reasonOf(QueueContents.Message message) {
        for (var attribute : new TreeMap<>(message.attributes()).entrySet()) {
            if (attribute.getKey().toLowerCase(Locale.ROOT).endsWith("reason")) {
                return attribute.getValue().value();
            }
        }
        QueueContents.Attribute error = message.attributes().get("ERROR_MESSAGE");
        if (error != null) {
            QueueContents.Attribute code = message.attributes().get("ERROR_CODE");
            return code == null ? error.value() : code.value() + ": " + error.value();
        }
        if (message.movedFrom() != null) {
            return "received " + message.receiveCount() + " times from " + message.movedFrom()
                    + " without being deleted (its redrive policy's maxReceiveCount)";
        }
        return null;
    }

    /** The latest message move task out of the queue, as ListMessageMoveTasks reports it, or null. */
    private Map<String, Object> latestMoveTask(Queue queue) {
        List<ListMessageMoveTasksResultEntry> tasks;
        try {
            tasks = sqs.listMessageMoveTasks(b -> b.sourceArn(queue.arn()).maxResults(1))
                    .join()
                    .results();
        } catch (RuntimeException gone) {
            return null;
        }
        if (tasks.isEmpty()) {
            return null;
        }
        ListMessageMoveTasksResultEntry task = tasks.getFirst();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("status", task.status());
        view.put("destination", task.destinationArn() == null ? null : nameOf(task.destinationArn()));
        view.put("moved", task.approximateNumberOfMessagesMoved());
        view.put(
                "startedAt",
                task.startedTimestamp() == null
                        ? null
                        : Instant.ofEpochMilli(task.startedTimestamp()).toString());
        return view;
    }

    static String nameOf(String queueArn) {
        try {
            return AwsAccount.resourceOf(queueArn);
        } catch (IllegalArgumentException notAnArn) {
            return queueArn;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    private static void addIfSet(Set<String> set, Object value) {
        if (value instanceof String string) {
            set.add(string);
        }
    }
}
