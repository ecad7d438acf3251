package io.eventshop.e2e;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.eventbridge.model.Rule;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A test's view of what the services publish, through the same AWS resources the consumers use: a FIFO queue
 * subscribed to the topic with no filter (every event, in order per message group), and a queue fed by copies of the
 * bus rules that feed notification-service (exactly what that service receives). Each message goes to the tap's
 * listener as it arrives. Closing the tap waits until both queues are empty, then removes what it added.
 */
final class Tap implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * One message, as a consumer of the topic or of the bus gets it.
     *
     * @param fromBus whether it came through an EventBridge rule (its body is the EventBridge event) or the topic
     * @param envelope the event envelope: the body, or its {@code detail}
     * @param message the SQS message, with its attributes and, from the topic, its message group
     */
    record Tapped(boolean fromBus, JsonNode envelope, Message message) {

        String eventType() {
            return envelope.get("eventType").asString();
        }

        String orderId() {
            return envelope.path("orderId").asString("");
        }
    }

    private final Aws aws;
    private final Consumer<Tapped> listener;
    private final String name = "e2e-tap-" + UUID.randomUUID().toString().substring(0, 8);
    private final String topicQueueUrl;
    private final String busQueueUrl;
    private final String subscriptionArn;
    private final List<String> rules = new CopyOnWriteArrayList<>();
    private final List<Tapped> seen = new CopyOnWriteArrayList<>();
    private final Thread poller;
    private volatile boolean open = true;
    private volatile Throwable failure;

    private Tap(Aws aws, Consumer<Tapped> listener) {
        this.aws = aws;
        this.listener = listener;
        this.topicQueueUrl = aws.sqs
                .createQueue(request ->
                        request.queueName(name + ".fifo").attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true")))
                .queueUrl();
        this.busQueueUrl =
                aws.sqs.createQueue(request -> request.queueName(name)).queueUrl();
        this.subscriptionArn = aws.sns
                .subscribe(request -> request.topicArn(aws.topicArn())
                        .protocol("sqs")
                        .endpoint(arnOf(name + ".fifo"))
                        .attributes(Map.of("RawMessageDelivery", "true")))
                .subscriptionArn();
        copyTheRulesOf(Aws.queueOf("notification-service").name());
        this.poller = Thread.ofPlatform().daemon().name(name).start(this::poll);
    }

    /** Taps the topic and the bus, and hands every message to {@code listener}, one at a time, as it arrives. */
    static Tap open(Aws aws, Consumer<Tapped> listener) {
        return new Tap(aws, listener);
    }

    /** Taps the topic and the bus, and keeps what it sees. */
    static Tap open(Aws aws) {
        return new Tap(aws, tapped -> {});
    }

    /** Every message seen so far, in order of arrival. */
    List<Tapped> seen() {
        return List.copyOf(seen);
    }

    private void copyTheRulesOf(String queueName) {
        for (Rule rule :
                aws.events.listRules(request -> request.eventBusName(Aws.BUS)).rules()) {
            boolean feedsTheQueue = aws
                    .events
                    .listTargetsByRule(request -> request.eventBusName(Aws.BUS).rule(rule.name()))
                    .targets()
                    .stream()
                    .anyMatch(target -> target.arn().equals(arnOf(queueName)));
            if (feedsTheQueue) {
                String copy = name + "-" + rule.name();
                aws.events.putRule(
                        request -> request.eventBusName(Aws.BUS).name(copy).eventPattern(rule.eventPattern()));
                aws.events.putTargets(
                        request -> request.eventBusName(Aws.BUS).rule(copy).targets(target -> target.id("tap")
                                .arn(arnOf(name))));
                rules.add(copy);
            }
        }
    }

    private void poll() {
        try {
            while (open) {
                receive(topicQueueUrl, false);
                receive(busQueueUrl, true);
            }
        } catch (RuntimeException | AssertionError e) {
            failure = e;
        }
    }

    private void receive(String queueUrl, boolean fromBus) {
        try {
            for (Message message : aws.sqs
                    .receiveMessage(request -> request.queueUrl(queueUrl)
                            .maxNumberOfMessages(10)
                            .waitTimeSeconds(fromBus ? 0 : 1)
                            .messageAttributeNames("All")
                            .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                    .messages()) {
                JsonNode body = JSON.readTree(message.body());
                var tapped = new Tapped(fromBus, fromBus ? body.get("detail") : body, message);
                seen.add(tapped);
                listener.accept(tapped);
                aws.sqs.deleteMessage(request -> request.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
        } catch (SdkClientException unreachable) {
            // The endpoint is down (the outage scenario does that); the SDK's own retries space the attempts out.
        }
    }

    private static String arnOf(String queueName) {
        return "arn:aws:sqs:us-east-1:000000000000:" + queueName;
    }

    /** Waits until the tap has handed on everything published so far, then removes its queues, subscription and rules. */
    @Override
    public void close() {
        await().atMost(Eventshop.SETTLE)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> failure != null || (aws.depth(name + ".fifo") == 0 && aws.depth(name) == 0));
        open = false;
        try {
            poller.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        aws.sns.unsubscribe(request -> request.subscriptionArn(subscriptionArn));
        for (String rule : rules) {
            aws.events.removeTargets(
                    request -> request.eventBusName(Aws.BUS).rule(rule).ids("tap"));
            aws.events.deleteRule(request -> request.eventBusName(Aws.BUS).name(rule));
        }
        aws.sqs.deleteQueue(request -> request.queueUrl(topicQueueUrl));
        aws.sqs.deleteQueue(request -> request.queueUrl(busQueueUrl));
        if (failure != null) {
            throw new AssertionError("the tap's listener failed", failure);
        }
    }
}
