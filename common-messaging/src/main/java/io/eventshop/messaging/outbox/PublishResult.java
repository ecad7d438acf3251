package io.eventshop.messaging.outbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The outcome of publishing a batch: which rows went out, and why the others did not. */
record PublishResult(List<Long> published, Map<Long, String> failed) {

    static PublishResult allFailed(List<OutboxEvent> events, String error) {
        var failed = new LinkedHashMap<Long, String>();
        events.forEach(event -> failed.put(event.id(), error));
        return new PublishResult(List.of(), failed);
    }

    /** Collects the outcome of each entry of a batch call. */
    static final class Builder {
        private final List<Long> published = new ArrayList<>();
        private final Map<Long, String> failed = new LinkedHashMap<>();

        Builder published(long id) {
            published.add(id);
            return this;
        }

        Builder failed(long id, String error) {
            failed.put(id, error);
            return this;
        }

        PublishResult build() {
            return new PublishResult(List.copyOf(published), Map.copyOf(failed));
        }
    }
}
