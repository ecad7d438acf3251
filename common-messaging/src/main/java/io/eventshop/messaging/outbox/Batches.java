package io.eventshop.messaging.outbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Packs the events that are due into publish calls of at most {@link EventPublisher#MAX_BATCH} entries, such that the
 * calls can run side by side without a message group overtaking itself.
 *
 * <p>Each group goes into one call only, with up to {@value EventPublisher#MAX_BATCH} of its events in their order
 * (SNS keeps a FIFO topic's batch in order); the rest of the group waits for a later pass, once that call is recorded.
 * Groups that a call in flight still holds are left out altogether. The events come oldest first, and the oldest
 * groups go into the first calls.
 */
final class Batches {

    private Batches() {}

    /**
     * @param due the events that are due, oldest first, as {@link OutboxRepository#findPublishable} returns them: for
     *     each group, its oldest unpublished events, in order
     * @param busy the groups of the calls in flight
     */
    static List<List<OutboxEvent>> of(List<OutboxEvent> due, Set<String> busy) {
        Map<String, List<OutboxEvent>> runs = new LinkedHashMap<>();
        for (OutboxEvent event : due) {
            if (!busy.contains(event.orderingKey())) {
                List<OutboxEvent> run = runs.computeIfAbsent(event.orderingKey(), group -> new ArrayList<>());
                if (run.size() < EventPublisher.MAX_BATCH) {
                    run.add(event);
                }
            }
        }
        List<List<OutboxEvent>> batches = new ArrayList<>();
        for (List<OutboxEvent> run : runs.values()) {
            // First fit: the run goes into the first call with room for all of it.
            List<OutboxEvent> batch = batches.stream()
                    .filter(candidate -> candidate.size() + run.size() <= EventPublisher.MAX_BATCH)
                    .findFirst()
                    .orElseGet(() -> {
                        List<OutboxEvent> next = new ArrayList<>();
                        batches.add(next);
                        return next;
                    });
            batch.addAll(run);
        }
        return batches;
    }
}
