package io.eventshop.messaging.outbox;

import io.eventshop.messaging.tracing.MessageTracing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Publishes the outbox's events to every destination (the SNS FIFO topic and the EventBridge bus), after the
 * transactions that wrote them have committed.
 *
 * <p>Each destination has a thread of its own, as their publication states are independent: it wakes up after each
 * commit of an {@link Outbox} in this instance, and polls at a fixed interval for the rest (events written by other
 * instances, retries). So one destination never waits for the other to finish a pass. Only one instance per service
 * publishes: the one that holds the {@link RelayLeadership advisory lock}; the others stand by and try to take over at
 * every poll.
 *
 * <p>Each destination is published by a {@link DestinationRelay} with up to {@code maxInFlight} calls of 10 events at a
 * time, for disjoint message groups. An entry that fails is retried alone, after an exponential backoff; the rest of
 * its group waits for it, so a group is always published in order. The publication state is kept per destination, so
 * an event that reached one of them is not sent there again.
 */
public final class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final RelayLeadership leadership;
    private final OutboxRepository repository;
    private final List<EventPublisher> publishers;
    private final OutboxMetrics metrics;
    private final MessageTracing tracing;
    private final Backoff backoff;
    private final Duration pollInterval;
    private final int batchSize;
    private final int maxInFlight;
    private volatile boolean running;
    private volatile List<Loop> loops = List.of();
    private final AtomicLong backlogCountedAt = new AtomicLong();

    OutboxRelay(
            RelayLeadership leadership,
            OutboxRepository repository,
            List<EventPublisher> publishers,
            OutboxMetrics metrics,
            MessageTracing tracing,
            Backoff backoff,
            Duration pollInterval,
            int batchSize,
            int maxInFlight) {
        this.leadership = leadership;
        this.repository = repository;
        this.publishers = List.copyOf(publishers);
        this.metrics = metrics;
        this.tracing = tracing;
        this.backoff = backoff;
        this.pollInterval = pollInterval;
        this.batchSize = batchSize;
        this.maxInFlight = maxInFlight;
    }

    /** Asks the relay to look for events now rather than at its next poll; the {@link Outbox} calls it on commit. */
    public void wakeUp() {
        loops.forEach(loop -> loop.wakeUps().call());
    }

    /** Whether this instance is the one that publishes. */
    public boolean isActive() {
        return leadership.isLeader();
    }

    @Override
    public synchronized void start() {
        running = true;
        List<Loop> started = new ArrayList<>();
        for (EventPublisher publisher : publishers) {
            var destination =
                    new DestinationRelay(publisher, repository, metrics, tracing, backoff, batchSize, maxInFlight);
            var wakeUps = new WakeUps();
            Thread thread = Thread.ofPlatform()
                    .name("outbox-relay-" + publisher.destination().tag())
                    .daemon()
                    .start(() -> run(destination, wakeUps));
            started.add(new Loop(destination, wakeUps, thread));
        }
        loops = List.copyOf(started);
    }

    /** Finishes the passes in progress (an interrupt could leave a sent batch unrecorded), then gives up the lead. */
    @Override
    public synchronized void stop() {
        running = false;
        wakeUp();
        for (Loop loop : loops) {
            try {
                loop.thread().join(STOP_TIMEOUT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            loop.destination().close();
        }
        loops = List.of();
        leadership.release();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run(DestinationRelay destination, WakeUps wakeUps) {
        while (running) {
            try {
                boolean led = leadership.isLeader();
                if (leadership.acquire()) {
                    if (!led) {
                        // The relay that led before may have recorded failures that this instance has not seen.
                        repository.lookAgainForWaitingGroups();
                    }
                    destination.drain(() -> running);
                }
                countBacklog();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            } catch (Exception e) {
                log.warn("The outbox relay pass failed; it tries again in {}", pollInterval, e);
            }
            try {
                wakeUps.await(pollInterval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    /**
     * Refreshes the backlog gauges, at most once per poll interval for all destinations: a relay woken by every commit
     * would otherwise count the pending rows after every event, a query that competes with the next event's
     * publication.
     */
    private void countBacklog() {
        long now = System.nanoTime();
        long last = backlogCountedAt.get();
        // Not the relay's monitor: stop() holds it while it waits for these threads to finish.
        if (last == 0 || now - last >= pollInterval.toNanos()) {
            if (backlogCountedAt.compareAndSet(last, now)) {
                metrics.backlog(repository.backlog());
            }
        }
    }

    /** A destination's relay, the wake-up calls to it and the thread that runs it. */
    private record Loop(DestinationRelay destination, WakeUps wakeUps, Thread thread) {}
}
