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
 * <p>The destinations are published to side by side, as their publication states are independent, each by a
 * {@link DestinationRelay} with up to {@code maxInFlight} calls of 10 events at a time, for disjoint message groups. An
 * entry that fails is retried alone, after an exponential backoff; the rest of its group waits for it, so a group is
 * always published in order. The publication state is kept per destination, so an event that reached one of them is
 * not sent there again.
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
    private final int maxInFlight;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private @Nullable Thread thread;
    private @Nullable ExecutorService destinations;
    private List<DestinationRelay> destinationRelays = List.of();
    private long backlogCountedAt;

    OutboxRelay(
            RelayLeadership leadership,
            OutboxRepository repository,
            List<EventPublisher> publishers,
            OutboxMetrics metrics,
            Backoff backoff,
            Duration pollInterval,
            int batchSize,
            int maxInFlight) {
        this.leadership = leadership;
        this.repository = repository;
        this.publishers = List.copyOf(publishers);
        this.metrics = metrics;
        this.backoff = backoff;
        this.pollInterval = pollInterval;
        this.batchSize = batchSize;
        this.maxInFlight = maxInFlight;
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
        destinationRelays = publishers.stream()
                .map(publisher -> new DestinationRelay(publisher, repository, metrics, backoff, batchSize, maxInFlight))
                .toList();
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
        destinationRelays.forEach(DestinationRelay::close);
        destinationRelays = List.of();
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
                countBacklog();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            } catch (Exception e) {
                log.warn("The outbox relay pass failed; it tries again in {}", pollInterval, e);
            }
            awaitWakeUp();
        }
    }

    /**
     * Publishes to every destination at once, until nothing is due on any of them. It waits for every destination
     * even when one fails, so that the next pass never runs beside a destination that is still draining.
     */
    private void publishPending() throws InterruptedException, ExecutionException {
        ExecutorService executor = Objects.requireNonNull(destinations);
        List<Future<Void>> drains = destinationRelays.stream()
                .map(destination -> executor.submit(() -> {
                    destination.drain(() -> running);
                    return (Void) null;
                }))
                .toList();
        ExecutionException failure = null;
        for (Future<Void> drain : drains) {
            try {
                drain.get();
            } catch (ExecutionException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Refreshes the backlog gauges, at most once per poll interval: a relay woken by every commit would otherwise
     * count the pending rows after every event, a query that competes with the next event's publication.
     */
    private void countBacklog() {
        long now = System.nanoTime();
        if (backlogCountedAt == 0 || now - backlogCountedAt >= pollInterval.toNanos()) {
            metrics.backlog(repository.backlog());
            backlogCountedAt = now;
        }
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
