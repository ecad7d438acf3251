package io.eventshop.devstack.aws.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** An event that a rule matched, with what a target's input may refer to: the rule and the ingestion time. */
record RoutedEvent(ObjectNode event, String json, String ruleName, String ruleArn, Instant ingestedAt) {

    String id() {
        return event.path("id").asText();
    }

    /**
     * The event id, which FIFO queues deduplicate by, as AWS does. A replayed event keeps its id, so its replay's name
     * is added: otherwise a replay within SQS's five-minute window would be dropped as a duplicate.
     */
    String deduplicationId() {
        String replayName = event.path("replay-name").asText(null);
        return replayName == null ? id() : id() + "-replay-" + replayName;
    }
}
