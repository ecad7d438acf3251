package io.eventshop.messaging.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Publishes the outbox's events to every destination (the SNS FIFO topic and the EventBridge bus), after the
 * transactions that wrote them have committed.
 *
 * <p>It runs on its own thread. It wakes up after each commit of an {@link Outbox} in this instance, and polls at a
 * fixed interval for the rest (events written by other instances, retries). Only one instance per service publishes:
 * the one that holds the {@link RelayLeadership advisory lock}; the others stand by and try to take over at every
 * poll.
 *
 * <p>The destinations are published to side by side, each by a thread of its own, as their publication states are
 * independent. Each pass takes, for one destination, the oldest unpublished event of up to {@code batchSize} message
 * groups and publishes them 10 per call. An entry that fails is retried alone, after an exponential backoff; the rest of its
 * group waits for it, so a group is always published in order. The publication state is kept per destination, so an
 * event that reached one of them is not sent there again.
 */
public final class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final RelayLeadership leadership;
    private final OutboxRepository repository;
    private final List<EventPublisher> publishers;
    private final OutboxMetrics metrics;
    private final Backoff backoff;
    private final Duration pollInterval;
    private final int batchSize;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private @Nullable Thread thread;
    private @Nullable ExecutorService destinations;

    OutboxRelay(
            RelayLeadership leadership,
            OutboxRepository repository,
            List<EventPublisher> publishers,
            OutboxMetrics metrics,
            Backoff backoff,
            Duration pollInterval,
            int batchSize) {
        this.leadership = leadership;
        this.repository = repository;
        this.publishers = List.copyOf(publishers);
        this.metrics = metrics;
        this.backoff = backoff;
        this.pollInterval = pollInterval;
        this.batchSize = batchSize;
    }

    /** Asks the relay to look for events now rather than at its next poll; the {@link Outbox} calls it on commit. */
    public void wakeUp() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    /** Whether this instance is the one that publishes. */
    public boolean isActive() {
        return leadership.isLeader();
    }

    @Override
    public synchronized void start() {
        running = true;
        destinations = Executors.newFixedThreadPool(
                publishers.size(),
                Thread.ofPlatform()
                        .name("outbox-relay-destination-", 0)
                        .daemon()
                        .factory());
        thread = Thread.ofPlatform().name("outbox-relay").daemon().start(this::run);
    }

    /** Finishes the pass in progress (an interrupt could leave a sent batch unrecorded), then gives up the lead. */
    @Override
    public synchronized void stop() {
        running = false;
        wakeUp();
        if (thread != null) {
            try {
                thread.join(STOP_TIMEOUT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
        if (destinations != null) {
            destinations.shutdown();
            destinations = null;
        }
        leadership.release();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try {
                if (leadership.acquire()) {
                    publishPending();
                }
                metrics.backlog(repository.backlog());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            } catch (Exception e) {
                log.warn("The outbox relay pass failed; it tries again in {}", pollInterval, e);
            }
            awaitWakeUp();
        }
    }

    /** Publishes to every destination at once, until nothing is due on any of them. */
    private void publishPending() throws InterruptedException, ExecutionException {
        ExecutorService executor = Objects.requireNonNull(destinations);
        List<Future<Void>> drains = publishers.stream()
                .map(publisher -> executor.submit(() -> drain(publisher), (Void) null))
                .toList();
        for (Future<Void> drain : drains) {
            drain.get();
        }
    }

    /** Publishes to one destination until a pass claims no event. */
    private void drain(EventPublisher publisher) {
        boolean claimed = true;
        while (running && claimed) {
            claimed = publishDue(publisher);
        }
    }

    private boolean publishDue(EventPublisher publisher) {
        Destination destination = publisher.destination();
        List<OutboxEvent> due = repository.findPublishable(destination, batchSize);
        for (int from = 0; from < due.size(); from += EventPublisher.MAX_BATCH) {
            List<OutboxEvent> batch = due.subList(from, Math.min(from + EventPublisher.MAX_BATCH, due.size()));
            record(destination, batch, publisher.publish(batch));
        }
        return !due.isEmpty();
    }

    private void record(Destination destination, List<OutboxEvent> batch, PublishResult result) {
        repository.markPublished(destination, result.published());
        metrics.published(destination, result.published().size());
        for (OutboxEvent event : batch) {
            String error = result.published().contains(event.id())
                    ? null
                    : result.failed().getOrDefault(event.id(), "the response had no result for this entry");
            if (error != null) {
                Duration retryAfter = backoff.after(event.attempts() + 1);
                log.warn(
                        "Publishing event {} ({}) to {} failed, attempt {}; retrying in {}: {}",
                        event.eventId(),
                        event.eventType(),
                        destination,
                        event.attempts() + 1,
                        retryAfter,
                        error);
                repository.markFailed(event.id(), destination + ": " + error, retryAfter);
            }
        }
        metrics.failed(destination, batch.size() - result.published().size());
    }

    private void awaitWakeUp() {
        try {
            if (wakeUps.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS)) {
                wakeUps.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
