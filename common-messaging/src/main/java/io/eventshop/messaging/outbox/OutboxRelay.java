package io.eventshop.messaging.outbox;

import io.eventshop.messaging.tracing.MessageTracing;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Publishes the outbox's events to every destination (the SNS FIFO topic and the EventBridge bus), after the
 * transactions that wrote them have committed.
 *
 * <p>One thread runs the relay's passes: it wakes up after each commit of an {@link Outbox} in this instance, and
 * polls at a fixed interval for the rest (events written by other instances, retries). Only one instance per service
 * publishes: the one that holds the {@link RelayLeadership advisory lock}; the others stand by and try to take over at
 * every poll.
 *
 * <p>A pass is a {@link BatchRelay}: it claims the events due on any destination, and publishes them with up to
 * {@code maxInFlight} batches of 10 at a time, for disjoint message groups, each batch to every destination it is due
 * on. An entry that fails is retried alone, after an exponential backoff, and only on the destination that refused
 * it; the rest of its group waits for it there, so a group is always published in order. The publication state is
 * kept per destination, so an event that reached one of them is not sent there again.
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
    private volatile @Nullable Loop loop;
    // Only the relay's thread reads and writes it.
    private long backlogCountedAt;

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
        Loop running = loop;
        if (running != null) {
            running.wakeUps().call();
        }
    }

    /** How many published batches wait for the relay's recorder; none when the relay is stopped. */
    int batchesAwaitingRecord() {
        Loop running = loop;
        return running == null ? 0 : running.relay().awaitingRecord();
    }

    /** Whether this instance is the one that publishes. */
    public boolean isActive() {
        return leadership.isLeader();
    }

    @Override
    public synchronized void start() {
        running = true;
        var wakeUps = new WakeUps();
        var relay = new BatchRelay(
                publishers, repository, metrics, tracing, backoff, batchSize, maxInFlight, wakeUps::call);
        Thread thread = Thread.ofPlatform().name("outbox-relay").daemon().start(() -> run(relay, wakeUps));
        loop = new Loop(relay, wakeUps, thread);
    }

    /**
     * Finishes the pass in progress and waits until its batches are recorded (an interrupt could leave a sent batch
     * unrecorded), then gives up the lead.
     */
    @Override
    public synchronized void stop() {
        running = false;
        Loop stopping = loop;
        if (stopping != null) {
            stopping.wakeUps().call();
            try {
                stopping.thread().join(STOP_TIMEOUT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stopping.relay().close();
        }
        loop = null;
        leadership.release();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run(BatchRelay relay, WakeUps wakeUps) {
        try {
            relayUntilStopped(relay, wakeUps);
        } finally {
            try {
                relay.awaitAllBatches();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void relayUntilStopped(BatchRelay relay, WakeUps wakeUps) {
        while (running) {
            try {
                boolean led = leadership.isLeader();
                if (leadership.acquire()) {
                    if (!led) {
                        // The relay that led before may have recorded failures that this instance has not seen.
                        repository.lookAgainForWaitingGroups();
                    }
                    relay.drain(() -> running);
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
     * Refreshes the backlog gauges, at most once per poll interval: a relay woken by every commit would otherwise count
     * the pending rows after every event, a query that competes with the next event's publication.
     */
    private void countBacklog() {
        long now = System.nanoTime();
        if (backlogCountedAt == 0 || now - backlogCountedAt >= pollInterval.toNanos()) {
            backlogCountedAt = now;
            metrics.backlog(repository.backlog());
        }
    }

    /** The relay's passes, the wake-up calls to them and the thread that runs them. */
    private record Loop(BatchRelay relay, WakeUps wakeUps, Thread thread) {}
}
