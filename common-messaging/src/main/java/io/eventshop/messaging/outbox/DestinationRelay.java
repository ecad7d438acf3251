package io.eventshop.messaging.outbox;

import io.eventshop.messaging.tracing.MessageTracing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the outbox to one destination, with up to {@code maxInFlight} batch calls at a time.
 *
 * <p>A call takes 5 to 50 ms, most of it waiting for the destination, so one call at a time leaves the relay idle
 * most of the time. Calls run side by side only for disjoint message groups: a group is in one call at most, and its
 * next events are claimed only once that call's outcome is recorded. Within a call, a group's events are in order
 * (SNS keeps a FIFO batch in order), and if one of them fails, those after it are not recorded as published
 * ({@link PublishResult#inGroupOrder}). So a group is published in the order of its rows, whatever the calls'
 * timing. Only one relay per service is active ({@link RelayLeadership}), so the groups in flight are known here.
 *
 * <p>Each event of a call gets a publish span of its own, a child of the context its row was written in, rather than
 * one span for the call: a call holds events of up to ten orders, each in its own trace, and a span belongs to one
 * trace. Per event, each order's trace shows its event leaving, with the call's duration and outcome, and the message
 * carries that span's context, so the consumer's handling span is its child. A retry is a new publish span, a sibling
 * of the one that failed.
 */
final class DestinationRelay implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DestinationRelay.class);

    private final EventPublisher publisher;
    private final Destination destination;
    private final OutboxRepository repository;
    private final OutboxMetrics metrics;
    private final MessageTracing tracing;
    private final Backoff backoff;
    private final int claimSize;
    private final int maxInFlight;
    private final ExecutorService calls;

    // Guarded by this: the groups of the calls in flight, how many calls are in flight, how many have finished.
    private final Set<String> groupsInFlight = new HashSet<>();
    private int inFlight;
    private long finished;

    DestinationRelay(
            EventPublisher publisher,
            OutboxRepository repository,
            OutboxMetrics metrics,
            MessageTracing tracing,
            Backoff backoff,
            int claimSize,
            int maxInFlight) {
        this.publisher = publisher;
        this.destination = publisher.destination();
        this.repository = repository;
        this.metrics = metrics;
        this.tracing = tracing;
        this.backoff = backoff;
        this.claimSize = claimSize;
        this.maxInFlight = maxInFlight;
        this.calls = Executors.newFixedThreadPool(
                maxInFlight,
                Thread.ofPlatform()
                        .name("outbox-relay-" + destination.tag() + "-", 0)
                        .daemon()
                        .factory());
    }

    /**
     * Publishes until no event is due that a call in flight does not hold, and returns once every call has finished
     * and been recorded, so that a stop never leaves a sent batch unrecorded.
     *
     * <p>A claim that took every unpublished event into its calls ends the pass: another claim would find nothing
     * until a transaction commits, and each commit wakes the relay for a pass of its own. So an event costs one claim,
     * not the two or three of claiming again until a claim comes back empty. A claim that left events behind (a full
     * page, a group's events beyond one call, or groups that a call in flight holds) claims again once a call finishes.
     */
    void drain(BooleanSupplier running) throws InterruptedException {
        try {
            while (running.getAsBoolean()) {
                long finishedBefore = finishedCalls();
                Claim claim = claim();
                for (List<OutboxEvent> batch : claim.batches()) {
                    awaitAFreeSlot();
                    calls.execute(() -> publish(batch));
                }
                if (claim.tookEverything()) {
                    return;
                }
                if (claim.batches().isEmpty() && !awaitACallFinishedSince(finishedBefore)) {
                    return;
                }
            }
        } finally {
            awaitAllCalls();
        }
    }

    /**
     * The next batches, from the due events whose groups no call holds; their groups are held from now on. The groups
     * held when the query starts are left out even if their calls finish while it runs: it may have read their rows
     * before those calls recorded them.
     */
    private Claim claim() {
        Set<String> busy;
        synchronized (this) {
            busy = Set.copyOf(groupsInFlight);
        }
        OutboxRepository.Due due = repository.findPublishable(destination, claimSize);
        List<List<OutboxEvent>> batches = Batches.of(due.events(), busy);
        synchronized (this) {
            batches.forEach(batch -> batch.forEach(event -> groupsInFlight.add(event.orderingKey())));
        }
        int taken = batches.stream().mapToInt(List::size).sum();
        return new Claim(batches, due.complete() && taken == due.events().size());
    }

    /** The batches of a claim, and whether they hold every unpublished event that is due. */
    private record Claim(List<List<OutboxEvent>> batches, boolean tookEverything) {}

    private void publish(List<OutboxEvent> batch) {
        try {
            List<MessageTracing.Publication> spans = new ArrayList<>(batch.size());
            List<OutboxEvent> sent = new ArrayList<>(batch.size());
            for (OutboxEvent event : batch) {
                MessageTracing.Publication span = tracing.publishing(
                        event.traceParent(),
                        destination.tag(),
                        publisher.destinationName(),
                        event.eventType(),
                        event.eventId().toString(),
                        event.orderingKey());
                spans.add(span);
                sent.add(event.carrying(span.traceParent()));
            }
            PublishResult result = null;
            try {
                result = publisher.publish(sent).inGroupOrder(sent);
            } finally {
                // The spans cover the call; recording its outcome is the relay's bookkeeping.
                endSpans(batch, spans, result);
            }
            record(batch, result);
        } catch (RuntimeException e) {
            // The database, most likely: nothing is recorded, so the batch is published again on a later pass.
            log.warn("Recording a batch published to {} failed; it will be published again", destination, e);
        } finally {
            release(batch);
        }
    }

    private static void endSpans(
            List<OutboxEvent> batch, List<MessageTracing.Publication> spans, @Nullable PublishResult result) {
        for (int i = 0; i < batch.size(); i++) {
            long id = batch.get(i).id();
            MessageTracing.Publication span = spans.get(i);
            if (result == null) {
                span.failed("the publish call threw");
            } else if (result.failed().containsKey(id)) {
                span.failed(result.failed().get(id));
            } else if (result.heldBack().contains(id)) {
                span.heldBack();
            } else {
                span.published();
            }
        }
    }

    private void record(List<OutboxEvent> batch, PublishResult result) {
        metrics.published(destination, repository.markPublished(destination, result.published()));
        List<OutboxRepository.FailedAttempt> failures = new ArrayList<>();
        for (OutboxEvent event : batch) {
            String error = result.failed().get(event.id());
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
                failures.add(new OutboxRepository.FailedAttempt(event.id(), destination + ": " + error, retryAfter));
            }
        }
        repository.markFailed(failures);
        metrics.failed(destination, failures.size());
        if (!result.heldBack().isEmpty()) {
            log.debug(
                    "{} events published to {} wait for an earlier event of their group: {}",
                    result.heldBack().size(),
                    destination,
                    result.heldBack());
        }
    }

    private synchronized long finishedCalls() {
        return finished;
    }

    /** Waits until a call finishes, if one has not since {@code finishedBefore}; false when none is in flight. */
    private synchronized boolean awaitACallFinishedSince(long finishedBefore) throws InterruptedException {
        while (finished == finishedBefore && inFlight > 0) {
            wait();
        }
        return finished != finishedBefore;
    }

    private synchronized void awaitAFreeSlot() throws InterruptedException {
        while (inFlight >= maxInFlight) {
            wait();
        }
        inFlight++;
    }

    private synchronized void release(List<OutboxEvent> batch) {
        batch.forEach(event -> groupsInFlight.remove(event.orderingKey()));
        inFlight--;
        finished++;
        notifyAll();
    }

    private synchronized void awaitAllCalls() throws InterruptedException {
        while (inFlight > 0) {
            wait();
        }
    }

    @Override
    public void close() {
        calls.shutdown();
    }
}
