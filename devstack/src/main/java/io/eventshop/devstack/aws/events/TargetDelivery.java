package io.eventshop.devstack.aws.events;

import io.eventshop.devstack.aws.sqs.QueueDelivery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Sends routed events to their target queues and waits until SQS has them, so that a PutEvents answer means the
 * messages are there. Each target gets its events in one ordered send. A delivery that fails is counted on the
 * target and, when the target has a dead-letter queue, sent there with the reason as message attributes, as AWS does
 * once its retries run out; it never fails the caller.
 */
final class TargetDelivery {

    private static final Logger log = LoggerFactory.getLogger(TargetDelivery.class);

    private final QueueDelivery queues;

    TargetDelivery(QueueDelivery queues) {
        this.queues = queues;
    }

    void deliver(List<Routing> routings) {
        Map<Target, List<RoutedEvent>> byTarget = new LinkedHashMap<>();
        routings.forEach(r ->
                byTarget.computeIfAbsent(r.target(), t -> new ArrayList<>()).add(r.routed()));
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        byTarget.forEach((target, events) -> sends.add(send(target, events)));
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
    }

    private CompletableFuture<Void> send(Target target, List<RoutedEvent> events) {
        List<QueueDelivery.Message> messages = events.stream()
                .map(e -> new QueueDelivery.Message(
                        target.body(e), Map.of(), target.messageGroupId(), e.deduplicationId()))
                .toList();
        return queues.send(target.queueArn(), messages).thenCompose(outcomes -> {
            List<QueueDelivery.Message> deadLetters = new ArrayList<>();
            for (int i = 0; i < outcomes.size(); i++) {
                QueueDelivery.Outcome outcome = outcomes.get(i);
                if (outcome.delivered()) {
                    target.countDelivered();
                } else {
                    target.countFailed();
                    log.warn("Event {} did not reach {}: {}", events.get(i).id(), target.queueArn(), outcome.error());
                    deadLetters.add(deadLetter(target, events.get(i), outcome.error()));
                }
            }
            if (target.deadLetterArn() == null || deadLetters.isEmpty()) {
                return CompletableFuture.completedFuture(null);
            }
            return queues.send(target.deadLetterArn(), deadLetters).thenAccept(dlq -> dlq.stream()
                    .filter(o -> !o.delivered())
                    .forEach(o -> log.warn("Dead-letter queue {} refused an event: {}", target.deadLetterArn(), o)));
        });
    }

    private static QueueDelivery.Message deadLetter(Target target, RoutedEvent event, String error) {
        Map<String, MessageAttributeValue> attributes = Map.of(
                "ERROR_CODE", text("SQS_SEND_FAILED"),
                "ERROR_MESSAGE", text(error),
                "RULE_ARN", text(event.ruleArn()),
                "TARGET_ARN", text(target.queueArn()));
        String group = target.messageGroupId() != null ? target.messageGroupId() : event.ruleName();
        return new QueueDelivery.Message(event.json(), attributes, group, event.deduplicationId());
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder()
                .dataType("String")
                .stringValue(value == null || value.isEmpty() ? "unknown" : value)
                .build();
    }
}
