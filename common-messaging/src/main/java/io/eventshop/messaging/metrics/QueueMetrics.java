package io.eventshop.messaging.metrics;

import io.awspring.cloud.sqs.listener.MessageListenerContainer;
import io.awspring.cloud.sqs.listener.interceptor.MessageInterceptor;
import io.eventshop.messaging.PeriodicTask;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gauges of the queue that the service consumes and of that queue's dead-letter queue, each tagged with
 * {@code queue} (the queue's name) and {@code kind} ({@value #KIND_QUEUE} or {@value #KIND_DLQ}):
 *
 * <ul>
 *   <li>{@value #VISIBLE}: messages waiting to be received (SQS's {@code ApproximateNumberOfMessages});
 *   <li>{@value #IN_FLIGHT}: messages received and neither deleted nor visible again: being handled, or waiting for
 *       their retry ({@code ApproximateNumberOfMessagesNotVisible});
 *   <li>{@value #DELAYED}: messages sent with a delay that has not passed ({@code ApproximateNumberOfMessagesDelayed});
 *   <li>{@value #OLDEST_AGE}, in seconds: for the queue, the age of the oldest message that the listener is handling
 *       or received in the latest interval ({@link ListenerAges}); for the dead-letter queue, the time since it last
 *       held nothing ({@link DeadLetterAge}). SQS's API has no such attribute (CloudWatch's
 *       {@code ApproximateAgeOfOldestMessage} is not in GetQueueAttributes), and receiving to look would count as a
 *       delivery of the message, so both are taken from what the service itself sees. See common-messaging's README.
 * </ul>
 *
 * <p>The counts come from one {@code GetQueueAttributes} call per queue and interval
 * ({@code eventshop.messaging.queue-metrics.interval}), never from a scrape. The first reading is made as the
 * application starts, before the listener does, so that a service started on a backlog reports it; a gauge appears
 * with its queue's first successful reading. A reading that fails is logged (once, until one succeeds again) and
 * leaves the gauges at their last values.
 *
 * <p>The dead-letter queue is the one the topology declares for the queue, or else the one named by the queue's
 * {@code RedrivePolicy}, learned from the first reading.
 */
public final class QueueMetrics implements SmartLifecycle {

    public static final String VISIBLE = "eventshop.queue.messages.visible";
    public static final String IN_FLIGHT = "eventshop.queue.messages.in.flight";
    public static final String DELAYED = "eventshop.queue.messages.delayed";
    public static final String OLDEST_AGE = "eventshop.queue.oldest.message.age";
    public static final String KIND_QUEUE = "queue";
    public static final String KIND_DLQ = "dlq";

    /** Just before the listener containers, which start last and stop first. */
    static final int PHASE = MessageListenerContainer.DEFAULT_PHASE - 1;

    /** How long one call may take, retries included; a reading never outlasts it much. */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(QueueMetrics.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SqsClient sqs;
    private final MeterRegistry registry;
    private final ListenerAges listenerAges;
    private final DeadLetterAge deadLetterAge;
    private final Clock clock;
    private final Duration interval;
    private final PeriodicTask schedule;
    private final WatchedQueue queue;
    private volatile @Nullable WatchedQueue deadLetterQueue;
    private volatile boolean running;

    /**
     * @param queueName the queue that the service consumes
     * @param deadLetterQueueName its dead-letter queue as the topology declares it; {@code null} to learn it from the
     *     queue's RedrivePolicy
     */
    QueueMetrics(
            SqsClient sqs,
            MeterRegistry registry,
            Clock clock,
            Duration interval,
            String queueName,
            @Nullable String deadLetterQueueName) {
        this.sqs = sqs;
        this.registry = registry;
        this.clock = clock;
        this.interval = interval;
        this.listenerAges = new ListenerAges(clock);
        this.deadLetterAge = new DeadLetterAge(clock);
        this.queue = new WatchedQueue(queueName, null, KIND_QUEUE);
        this.deadLetterQueue =
                deadLetterQueueName == null ? null : new WatchedQueue(deadLetterQueueName, null, KIND_DLQ);
        this.schedule = new PeriodicTask("queue-metrics", interval, this::read);
    }

    /** The interceptor that the listener container on the queue runs for each message, for the oldest age. */
    public MessageInterceptor<Object> listenerInterceptor() {
        return listenerAges;
    }

    /** The listener sent a dead letter to {@code deadLetterQueueName} just now. */
    public void deadLettered(String deadLetterQueueName) {
        WatchedQueue watched = deadLetterQueue;
        if (watched != null && watched.name.equals(deadLetterQueueName)) {
            deadLetterAge.sent();
        }
    }

    /** The names of the queues watched so far: the queue, and its dead-letter queue once known. */
    List<String> watchedQueues() {
        WatchedQueue watched = deadLetterQueue;
        return watched == null ? List.of(queue.name) : List.of(queue.name, watched.name);
    }

    /** One reading of every queue; a queue that cannot be read keeps its last values. */
    synchronized void read() {
        listenerAges.nextInterval();
        boolean learnDeadLetterQueue = deadLetterQueue == null;
        queue.read(learnDeadLetterQueue).ifPresent(attributes -> {
            if (learnDeadLetterQueue) {
                deadLetterQueue = deadLetterQueueOf(attributes.get(QueueAttributeName.REDRIVE_POLICY));
            }
        });
        WatchedQueue watched = deadLetterQueue;
        if (watched != null) {
            long readAt = clock.millis();
            watched.read(false).ifPresent(attributes -> deadLetterAge.read(readAt, watched.messages()));
        }
    }

    private @Nullable WatchedQueue deadLetterQueueOf(@Nullable String redrivePolicy) {
        if (redrivePolicy == null || redrivePolicy.isBlank()) {
            return null;
        }
        try {
            JsonNode target = JSON.readTree(redrivePolicy).path("deadLetterTargetArn");
            // arn:aws:sqs:<region>:<account>:<queue name>
            String[] arn = target.asString("").split(":");
            return arn.length == 6 ? new WatchedQueue(arn[5], arn[4], KIND_DLQ) : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    @Override
    public void start() {
        if (running) {
            return;
        }
        read();
        schedule.start();
        log.info("Reading the depth of queues {} every {}", watchedQueues(), interval);
        running = true;
    }

    @Override
    public void stop() {
        schedule.stop();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** A queue, its latest counts, and its gauges once it has been read. */
    private final class WatchedQueue {

        final String name;
        final @Nullable String ownerAccount;
        final String kind;
        final AtomicLong visible = new AtomicLong();
        final AtomicLong inFlight = new AtomicLong();
        final AtomicLong delayed = new AtomicLong();

        @Nullable
        String url;

        boolean registered;
        boolean failing;

        WatchedQueue(String name, @Nullable String ownerAccount, String kind) {
            this.name = name;
            this.ownerAccount = ownerAccount;
            this.kind = kind;
        }

        long messages() {
            return visible.get() + inFlight.get() + delayed.get();
        }

        /** Reads the counts (and the RedrivePolicy, if asked); empty if the reading failed. */
        Optional<Map<QueueAttributeName, String>> read(boolean withRedrivePolicy) {
            try {
                if (url == null) {
                    url = sqs.getQueueUrl(request -> request.queueName(name)
                                    .queueOwnerAWSAccountId(ownerAccount)
                                    .overrideConfiguration(call -> call.apiCallTimeout(CALL_TIMEOUT)))
                            .queueUrl();
                }
                List<QueueAttributeName> names = withRedrivePolicy
                        ? List.of(
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED,
                                QueueAttributeName.REDRIVE_POLICY)
                        : List.of(
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED);
                Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(request -> request.queueUrl(url)
                                .attributeNames(names)
                                .overrideConfiguration(call -> call.apiCallTimeout(CALL_TIMEOUT)))
                        .attributes();
                visible.set(count(attributes, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
                inFlight.set(count(attributes, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
                delayed.set(count(attributes, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED));
                if (!registered) {
                    register();
                }
                if (failing) {
                    log.info("Read the attributes of queue {} again; its gauges are current", name);
                    failing = false;
                }
                return Optional.of(attributes);
            } catch (RuntimeException e) {
                // The URL is looked up again next time, in case the queue was deleted and created anew.
                url = null;
                if (!failing) {
                    log.warn(
                            "Cannot read the attributes of queue {}; its gauges keep their last values until a reading"
                                    + " succeeds (tried every {}): {}",
                            name,
                            interval,
                            e.toString());
                    failing = true;
                } else {
                    log.debug("Still cannot read the attributes of queue {}: {}", name, e.toString());
                }
                return Optional.empty();
            }
        }

        private void register() {
            gauge(VISIBLE, "Messages waiting in the queue to be received", w -> w.visible.get());
            gauge(
                    IN_FLIGHT,
                    "Messages received from the queue and not yet deleted or visible again",
                    w -> w.inFlight.get());
            gauge(DELAYED, "Messages in the queue whose delivery delay has not passed", w -> w.delayed.get());
            Gauge.builder(
                            OLDEST_AGE,
                            this,
                            w -> w.kind.equals(KIND_DLQ) ? deadLetterAge.ageSeconds() : listenerAges.oldestAgeSeconds())
                    .description("Age of the oldest message: in a queue, of those its listener is handling or received"
                            + " lately; in a dead-letter queue, the time since it last held nothing")
                    .baseUnit("seconds")
                    .tag("queue", name)
                    .tag("kind", kind)
                    .register(registry);
            registered = true;
        }

        private void gauge(String meter, String description, ToDoubleFunction<WatchedQueue> value) {
            Gauge.builder(meter, this, value)
                    .description(description)
                    .tag("queue", name)
                    .tag("kind", kind)
                    .register(registry);
        }

        private static long count(Map<QueueAttributeName, String> attributes, QueueAttributeName name) {
            String value = attributes.get(name);
            return value == null ? 0 : Long.parseLong(value);
        }
    }
}
