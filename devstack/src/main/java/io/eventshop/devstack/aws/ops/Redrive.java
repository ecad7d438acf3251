package io.eventshop.devstack.aws.ops;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * Sends the messages of a dead-letter queue back to a queue whose redrive policy names it, for the console's redrive
 * button, through SQS's own API on the endpoint.
 *
 * <p>A standard dead-letter queue is redriven as AWS's console does it: with a message move task
 * (StartMessageMoveTask), which ElasticMQ runs in the background; the console shows its progress. A FIFO one is
 * redriven by receiving each message, sending it to the source queue and deleting it: ElasticMQ's move task moves
 * nothing out of a FIFO queue (1.7.1 looks for the messages where only a standard queue keeps them). Each message goes in the message group it had, with a new deduplication id, since the source
 * queue may still remember the one it came with; one receive at a time, each message deleted before the next
 * receive, keeps each group's order.
 */
final class Redrive {

    /** Long enough to send a received message on and delete it; it is deleted well before. */
    private static final int HOLD_SECONDS = 30;

    /** What the console's API answers: an HTTP status and a JSON body. */
    record Outcome(int status, Map<String, Object> body) {

        static Outcome error(int status, String message) {
            return new Outcome(status, Map.of("error", message));
        }
    }

    private final SqsAsyncClient sqs;
    private final ConsoleView view;

    Redrive(SqsAsyncClient sqs, ConsoleView view) {
        this.sqs = sqs;
        this.view = view;
    }

    /**
     * Redrives every message of the dead-letter queue to {@code destination}, or, when that is null, to the one queue
     * whose redrive policy names it.
     */
    Outcome start(String deadLetterQueue, String destination) {
        List<ConsoleView.Queue> queues = view.queues();
        ConsoleView.Queue from = queues.stream()
                .filter(queue -> queue.name().equals(deadLetterQueue))
                .findFirst()
                .orElse(null);
        if (from == null) {
            return Outcome.error(404, "There is no queue " + deadLetterQueue + ".");
        }
        List<ConsoleView.Queue> sources = queues.stream()
                .filter(queue -> from.arn().equals(queue.deadLetterQueueArn()))
                .toList();
        List<String> sourceNames = sources.stream().map(ConsoleView.Queue::name).toList();
        if (sources.isEmpty()) {
            return Outcome.error(
                    409,
                    "No queue names " + deadLetterQueue + " in its redrive policy, so there is nowhere to redrive"
                            + " its messages to.");
        }
        ConsoleView.Queue to;
        if (destination == null) {
            if (sources.size() > 1) {
                return Outcome.error(
                        400,
                        deadLetterQueue + " is the dead-letter queue of " + String.join(", ", sourceNames)
                                + ": name one as the destination.");
            }
            to = sources.getFirst();
        } else {
            to = sources.stream()
                    .filter(queue -> queue.name().equals(destination))
                    .findFirst()
                    .orElse(null);
            if (to == null) {
                return Outcome.error(
                        400,
                        destination + " does not name " + deadLetterQueue + " in its redrive policy; "
                                + String.join(", ", sourceNames) + " does.");
            }
        }
        try {
            return from.fifo() ? resend(from, to) : moveTask(from, to);
        } catch (CompletionException e) {
            if (e.getCause() instanceof SqsException refused) {
                return Outcome.error(409, refused.awsErrorDetails().errorMessage());
            }
            throw e;
        }
    }

    private Outcome moveTask(ConsoleView.Queue from, ConsoleView.Queue to) {
        String taskHandle = sqs.startMessageMoveTask(
                        b -> b.sourceArn(from.arn()).destinationArn(to.arn()))
                .join()
                .taskHandle();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", from.name());
        body.put("to", to.name());
        body.put("method", "StartMessageMoveTask");
        body.put("taskHandle", taskHandle);
        return new Outcome(202, body);
    }

    private Outcome resend(ConsoleView.Queue from, ConsoleView.Queue to) {
        int redriven = 0;
        for (List<Message> batch = receive(from); !batch.isEmpty(); batch = receive(from)) {
            for (Message message : batch) {
                sqs.sendMessage(b -> b.queueUrl(to.url())
                                .messageBody(message.body())
                                .messageAttributes(message.messageAttributes())
                                .messageGroupId(message.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID))
                                .messageDeduplicationId(UUID.randomUUID().toString()))
                        .join();
                // Sent before deleted: a failure in between leaves a copy in both, never in neither.
                sqs.deleteMessage(b -> b.queueUrl(from.url()).receiptHandle(message.receiptHandle()))
                        .join();
                redriven++;
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", from.name());
        body.put("to", to.name());
        body.put("method", "ReceiveMessage, SendMessage, DeleteMessage");
        body.put("redriven", redriven);
        return new Outcome(200, body);
    }

    private List<Message> receive(ConsoleView.Queue queue) {
        return sqs.receiveMessage(b -> b.queueUrl(queue.url())
                        .maxNumberOfMessages(10)
                        .waitTimeSeconds(0)
                        .visibilityTimeout(HOLD_SECONDS)
                        .messageAttributeNames("All")
                        .messageSystemAttributeNames(MessageSystemAttributeName.MESSAGE_GROUP_ID))
                .join()
                .messages();
    }
}
