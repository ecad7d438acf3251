package io.eventshop.messaging.outbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The outcome of publishing a batch: which rows went out, why the others did not, and which were held back.
 *
 * @param published the rows the destination took
 * @param failed the rows it refused, with the reason
 * @param heldBack the rows that are not to be counted as published although the destination may have taken them:
 *     they follow a failed row of their message group in the batch (see {@link #inGroupOrder})
 */
record PublishResult(List<Long> published, Map<Long, String> failed, List<Long> heldBack) {

    static PublishResult allFailed(List<OutboxEvent> events, String error) {
        var failed = new LinkedHashMap<Long, String>();
        events.forEach(event -> failed.put(event.id(), error));
        return new PublishResult(List.of(), failed, List.of());
    }

    /**
     * This outcome, with the rows that follow a failed row of their group in {@code batch} moved from published to
     * held back. The failed row is retried later, and the rows after it must not count as published before it is:
     * the relay then publishes them again after it, so the group's order in the outbox holds (the destination drops
     * the repeats within its deduplication window). A row without any outcome counts as failed.
     */
    PublishResult inGroupOrder(List<OutboxEvent> batch) {
        Set<String> brokenGroups = new HashSet<>();
        var builder = new Builder();
        for (OutboxEvent event : batch) {
            long id = event.id();
            if (brokenGroups.contains(event.orderingKey())) {
                builder.heldBack(id);
            } else if (published.contains(id)) {
                builder.published(id);
            } else {
                builder.failed(id, failed.getOrDefault(id, "the response had no result for this entry"));
                brokenGroups.add(event.orderingKey());
            }
        }
        return builder.build();
    }

    /** Collects the outcome of each entry of a batch call. */
    static final class Builder {
        private final List<Long> published = new ArrayList<>();
        private final Map<Long, String> failed = new LinkedHashMap<>();
        private final List<Long> heldBack = new ArrayList<>();

        Builder published(long id) {
            published.add(id);
            return this;
        }

        Builder failed(long id, String error) {
            failed.put(id, error);
            return this;
        }

        Builder heldBack(long id) {
            heldBack.add(id);
            return this;
        }

        PublishResult build() {
            return new PublishResult(List.copyOf(published), Map.copyOf(failed), List.copyOf(heldBack));
        }
    }
}
