package io.eventshop.messaging.outbox;

import io.eventshop.messaging.tracing.MessageTracing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the outbox to every destination in one pass, with up to {@code maxInFlight} batches at a time.
 *
 * <p>A claim reads the events that are due on any destination, and each batch of them is sent to every destination
 * it is due on, the calls to the destinations side by side, then recorded in one statement. So an event costs one
 * claim and one update for all its destinations, not one of each per destination. The price is that a batch is
 * recorded only once its slowest call has ended: a destination that answers slowly holds the batch's groups on the
 * other one as long, up to the publishers' call timeout. A destination that refuses fails alone: its events wait for
 * their retry there ({@link OutboxRepository#findPublishable}), and the other destination goes on.
 *
 * <p>A call takes 5 to 50 ms, most of it waiting for the destination, so one batch at a time leaves the relay idle
 * most of the time. Batches run side by side only for disjoint message groups: a group is in one batch at most, and
 * its next events are claimed only once that batch's outcome is recorded. Within a call, a group's events are in order
 * (SNS keeps a FIFO batch in order), and if one of them fails, those after it are not recorded as published on that
 * destination ({@link PublishResult#inGroupOrder}). So each destination gets a group in the order of its rows,
 * whatever the calls' timing. Only one relay per service is active ({@link RelayLeadership}), so the groups in flight
 * are known here.
 *
 * <p>Recording is not part of a batch's turn: once its calls have ended, the batch frees its place for the next one
 * and leaves its outcome to the recorder, one thread that records every outcome waiting in one statement (two if
 * some failed). While the recorder writes, the outcomes of the batches that finish meanwhile gather behind it, so
 * under load one update and one commit cover several batches, and the calls never wait for the database; when idle,
 * a batch is recorded as soon as its calls end. A batch's groups stay held until it is recorded, and at most
 * {@code 2 × maxInFlight} batches are held at a time, so the recorder cannot fall far behind.
 *
 * <p>Each event of a call gets a publish span of its own, a child of the context its row was written in, rather than
 * one span for the call: a call holds events of up to ten orders, each in its own trace, and a span belongs to one
 * trace. Per event, each order's trace shows its event leaving for each destination, with the call's duration and
 * outcome, and the message carries that span's context, so the consumer's handling span is its child. A retry is a
 * new publish span, a sibling of the one that failed.
 */
final class BatchRelay implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BatchRelay.class);

    private final List<EventPublisher> publishers;
    private final OutboxRepository repository;
    private final OutboxMetrics metrics;
    private final MessageTracing tracing;
    private final Backoff backoff;
    private final int claimSize;
    private final int maxInFlight;
    // A batch's thread makes its first destination's call; the others' calls run here meanwhile.
    private final ExecutorService batches;
    private final ExecutorService otherCalls;
    private final ExecutorService recorder;
    // Wakes the relay's loop for another pass.
    private final Runnable wakeUp;

    // Guarded by this: the groups of the batches held (claimed and not yet recorded), how many batches and events are
    // held, how many of the batches are making their calls, how many have been recorded (or given up), the outcomes
    // that wait for the recorder, and whether it has been asked to record them.
    private final Set<String> groupsInFlight = new HashSet<>();
    private int held;
    private int heldEvents;
    private int inFlight;
    private long finished;
    private final List<Outcome> toRecord = new ArrayList<>();
    private boolean recording;
    // Whether a pass ended on events that only held groups kept back, so the next record must wake the relay.
    private boolean wakeUpWhenRecorded;

    BatchRelay(
            List<EventPublisher> publishers,
            OutboxRepository repository,
            OutboxMetrics metrics,
            MessageTracing tracing,
            Backoff backoff,
            int claimSize,
            int maxInFlight,
            Runnable wakeUp) {
        this.publishers = List.copyOf(publishers);
        this.repository = repository;
        this.metrics = metrics;
        this.tracing = tracing;
        this.backoff = backoff;
        this.claimSize = claimSize;
        this.maxInFlight = maxInFlight;
        this.batches = Executors.newFixedThreadPool(
                maxInFlight,
                Thread.ofPlatform().name("outbox-relay-batch-", 0).daemon().factory());
        this.otherCalls = Executors.newFixedThreadPool(
                maxInFlight * Math.max(1, publishers.size() - 1),
                Thread.ofPlatform().name("outbox-relay-call-", 0).daemon().factory());
        this.recorder = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("outbox-relay-record").daemon().factory());
        this.wakeUp = wakeUp;
    }

    /**
     * Publishes until no event is due that a batch in flight does not hold. It returns once the last batches are under
     * way, not once they are recorded, and never waits for a batch: a commit that wakes the relay meanwhile is claimed
     * at once, beside them. {@link #awaitAllBatches} waits for them before a stop, so that a stop never leaves a sent
     * batch unrecorded.
     *
     * <p>A claim that took every unpublished event into its batches ends the pass: another claim would find nothing
     * until a transaction commits, and each commit wakes the relay for a pass of its own. So an event costs one claim,
     * not the two or three of claiming again until a claim comes back empty. A claim that left events behind for want
     * of room (a full page, a group's events beyond one batch) claims again at once. A claim that found only groups
     * that batches in flight hold ends the pass too, and the recorder wakes the relay ({@code wakeUp}) when it has
     * recorded the next batch.
     */
    void drain(BooleanSupplier running) throws InterruptedException {
        while (running.getAsBoolean()) {
            long finishedBefore = finishedBatches();
            Claim claim = claim();
            for (List<OutboxEvent> batch : claim.batches()) {
                awaitAFreeSlot();
                batches.execute(() -> publish(batch, claim.due()));
            }
            if (claim.tookEverything()) {
                return;
            }
            if (claim.batches().isEmpty() && wakeUpWhenRecorded(finishedBefore)) {
                return;
            }
        }
    }

    /**
     * The next batches, from the due events whose groups no batch holds; their groups are held from now on. The groups
     * held when the query starts are left out even if their batches finish while it runs: it may have read their rows
     * before those batches recorded them.
     */
    private Claim claim() {
        Set<String> busy;
        int heldBefore;
        synchronized (this) {
            busy = Set.copyOf(groupsInFlight);
            heldBefore = heldEvents;
        }
        // The held batches' rows are still unpublished, and among the oldest: a page of claimSize beyond them.
        OutboxRepository.Due due = repository.findPublishable(claimSize + heldBefore);
        List<List<OutboxEvent>> claimed = Batches.of(due.events(), busy);
        synchronized (this) {
            claimed.forEach(batch -> {
                batch.forEach(event -> groupsInFlight.add(event.orderingKey()));
                heldEvents += batch.size();
            });
        }
        int taken = claimed.stream().mapToInt(List::size).sum();
        return new Claim(claimed, due, due.complete() && taken == due.events().size());
    }

    /** The batches of a claim, what it found due where, and whether they hold every unpublished event that is due. */
    private record Claim(List<List<OutboxEvent>> batches, OutboxRepository.Due due, boolean tookEverything) {}

    /**
     * Sends the batch to each destination that its events are due on, the first call on this thread and the others
     * beside it, and hands their outcome to the recorder. Every event of a claim is due somewhere, so there is at
     * least one call.
     */
    private void publish(List<OutboxEvent> batch, OutboxRepository.Due due) {
        Outcome outcome;
        try {
            List<Call> calls = publishers.stream()
                    .map(publisher -> new Call(
                            publisher,
                            batch.stream()
                                    .filter(event -> due.isDueOn(event, publisher.destination()))
                                    .toList()))
                    .filter(call -> !call.events().isEmpty())
                    .toList();
            Map<Destination, CompletableFuture<PublishResult>> others = new EnumMap<>(Destination.class);
            for (Call other : calls.subList(1, calls.size())) {
                others.put(other.destination(), CompletableFuture.supplyAsync(() -> call(other), otherCalls));
            }
            Map<Destination, PublishResult> outcomes = new EnumMap<>(Destination.class);
            Call first = calls.getFirst();
            outcomes.put(first.destination(), call(first));
            others.forEach((destination, result) -> outcomes.put(destination, result.join()));
            outcome = new Outcome(batch, outcomes);
        } catch (RuntimeException e) {
            // Nothing is recorded, so the batch is published again on a later pass.
            log.warn("Publishing a batch of {} events failed; they will be published again", batch.size(), e);
            giveUp(batch);
            return;
        }
        toRecorder(outcome);
    }

    /** A batch and what each destination's call did with it. */
    private record Outcome(List<OutboxEvent> batch, Map<Destination, PublishResult> results) {}

    /** Frees the batch's place for the next one and leaves its outcome to the recorder. */
    private synchronized void toRecorder(Outcome outcome) {
        inFlight--;
        toRecord.add(outcome);
        if (!recording) {
            recording = true;
            recorder.execute(this::recordWaitingOutcomes);
        }
        notifyAll();
    }

    /** The recorder's work: records the outcomes that wait, all of them at once, until none does. */
    private void recordWaitingOutcomes() {
        while (true) {
            List<Outcome> outcomes;
            synchronized (this) {
                if (toRecord.isEmpty()) {
                    recording = false;
                    return;
                }
                outcomes = List.copyOf(toRecord);
                toRecord.clear();
            }
            try {
                record(outcomes);
            } catch (RuntimeException e) {
                // The database, most likely: nothing is recorded, so the batches are published again on a later pass.
                log.warn(
                        "Recording {} published batches failed; their events will be published again",
                        outcomes.size(),
                        e);
            } finally {
                release(outcomes.stream().map(Outcome::batch).toList());
            }
        }
    }

    /** The events of a batch that are due on one destination. */
    private record Call(EventPublisher publisher, List<OutboxEvent> events) {

        Destination destination() {
            return publisher.destination();
        }
    }

    /** One destination's call, with a publish span per event. */
    private PublishResult call(Call call) {
        EventPublisher publisher = call.publisher();
        List<OutboxEvent> events = call.events();
        List<MessageTracing.Publication> spans = new ArrayList<>(events.size());
        List<OutboxEvent> sent = new ArrayList<>(events.size());
        for (OutboxEvent event : events) {
            MessageTracing.Publication span = tracing.publishing(
                    event.traceParent(),
                    publisher.destination().tag(),
                    publisher.destinationName(),
                    event.eventType(),
                    event.eventId().toString(),
                    event.orderingKey());
            spans.add(span);
            sent.add(event.carrying(span.traceParent()));
        }
        PublishResult result;
        try {
            result = publisher.publish(sent).inGroupOrder(sent);
        } catch (RuntimeException e) {
            // A publisher reports a failed call as failed entries; anything else that breaks fails the batch here
            // alone.
            result = PublishResult.allFailed(sent, "the publish call threw: " + e);
        }
        // The spans cover the call; recording its outcome is the relay's bookkeeping.
        endSpans(events, spans, result);
        return result;
    }

    private static void endSpans(
            List<OutboxEvent> events, List<MessageTracing.Publication> spans, PublishResult result) {
        for (int i = 0; i < events.size(); i++) {
            long id = events.get(i).id();
            MessageTracing.Publication span = spans.get(i);
            if (result.failed().containsKey(id)) {
                span.failed(result.failed().get(id));
            } else if (result.heldBack().contains(id)) {
                span.heldBack();
            } else {
                span.published();
            }
        }
    }

    /**
     * Records the outcomes of batches' calls: what was published, in one statement for every batch and destination,
     * and what failed, in one more, with one attempt counted per event whatever the number of destinations that
     * refused it.
     */
    private void record(List<Outcome> outcomes) {
        Map<Destination, List<Long>> published = new EnumMap<>(Destination.class);
        for (Outcome outcome : outcomes) {
            outcome.results().forEach((destination, result) -> published
                    .computeIfAbsent(destination, ignored -> new ArrayList<>())
                    .addAll(result.published()));
        }
        Map<Long, Duration> lags = repository.markPublished(published);
        published.forEach((destination, ids) -> metrics.published(
                destination,
                ids.stream().map(lags::get).filter(Objects::nonNull).toList()));

        List<OutboxRepository.FailedAttempt> failures = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            failures.addAll(failedAttempts(outcome));
        }
        repository.markFailed(failures);
        for (Outcome outcome : outcomes) {
            outcome.results().forEach((destination, result) -> {
                metrics.failed(destination, result.failed().size());
                if (!result.heldBack().isEmpty()) {
                    log.debug(
                            "{} events published to {} wait for an earlier event of their group: {}",
                            result.heldBack().size(),
                            destination,
                            result.heldBack());
                }
            });
        }
    }

    /** The events of a batch that some destination refused, each with its errors and its next attempt's delay. */
    private List<OutboxRepository.FailedAttempt> failedAttempts(Outcome outcome) {
        List<OutboxRepository.FailedAttempt> failures = new ArrayList<>();
        for (OutboxEvent event : outcome.batch()) {
            List<String> errors = new ArrayList<>();
            outcome.results().forEach((destination, result) -> {
                String error = result.failed().get(event.id());
                if (error != null) {
                    errors.add(destination + ": " + error);
                }
            });
            if (!errors.isEmpty()) {
                Duration retryAfter = backoff.after(event.attempts() + 1);
                String error = String.join("; ", errors);
                log.warn(
                        "Publishing event {} ({}) failed, attempt {}; retrying in {}: {}",
                        event.eventId(),
                        event.eventType(),
                        event.attempts() + 1,
                        retryAfter,
                        error);
                failures.add(new OutboxRepository.FailedAttempt(event.id(), error, retryAfter));
            }
        }
        return failures;
    }

    private synchronized long finishedBatches() {
        return finished;
    }

    /** How many batches have made their calls and wait for the recorder, behind the ones it is recording. */
    synchronized int awaitingRecord() {
        return toRecord.size();
    }

    /**
     * Asks the recorder to wake the relay once it has recorded a batch, unless one has been recorded since
     * {@code finishedBefore} (then the caller claims again at once, as the wake-up could have been missed).
     */
    private synchronized boolean wakeUpWhenRecorded(long finishedBefore) {
        if (finished != finishedBefore) {
            return false;
        }
        wakeUpWhenRecorded = true;
        return true;
    }

    /** Waits for a place for one more batch: fewer than maxInFlight making calls, fewer than twice that held. */
    private synchronized void awaitAFreeSlot() throws InterruptedException {
        while (inFlight >= maxInFlight || held >= 2 * maxInFlight) {
            wait();
        }
        inFlight++;
        held++;
    }

    /** Frees the place of a batch whose calls broke off, and lets go of it unrecorded. */
    private synchronized void giveUp(List<OutboxEvent> batch) {
        inFlight--;
        release(List.of(batch));
    }

    /** Lets go of recorded (or given up) batches: their groups can be claimed again. */
    private synchronized void release(List<List<OutboxEvent>> released) {
        for (List<OutboxEvent> batch : released) {
            batch.forEach(event -> groupsInFlight.remove(event.orderingKey()));
            heldEvents -= batch.size();
        }
        held -= released.size();
        finished += released.size();
        if (wakeUpWhenRecorded) {
            wakeUpWhenRecorded = false;
            wakeUp.run();
        }
        notifyAll();
    }

    /** Waits until every batch under way has been recorded (or given up). */
    synchronized void awaitAllBatches() throws InterruptedException {
        while (held > 0) {
            wait();
        }
    }

    @Override
    public void close() {
        batches.shutdown();
        otherCalls.shutdown();
        recorder.shutdown();
    }
}
