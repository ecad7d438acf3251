package io.eventshop.devstack.aws.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * A replay of an archive's events from a time window to a bus. It moves from STARTING to RUNNING to COMPLETED, or to
 * CANCELLING and CANCELLED, or to FAILED; each step checks the state it leaves.
 */
final class Replay {

    private final String name;
    private final String arn;
    private final String archiveArn;
    private final String destinationArn;
    private final List<String> filterArns;
    private final Instant eventStart;
    private final Instant eventEnd;
    private final String description;
    private final Instant startedAt;
    private String state = "STARTING";
    private String stateReason;
    private Instant lastReplayedEventTime;
    private Instant endedAt;

    Replay(
            String name,
            String arn,
            String archiveArn,
            String destinationArn,
            List<String> filterArns,
            Instant eventStart,
            Instant eventEnd,
            String description) {
        this.name = name;
        this.arn = arn;
        this.archiveArn = archiveArn;
        this.destinationArn = destinationArn;
        this.filterArns = List.copyOf(filterArns);
        this.eventStart = eventStart;
        this.eventEnd = eventEnd;
        this.description = description;
        this.startedAt = Instant.now();
    }

    synchronized void run() {
        if (state.equals("STARTING")) {
            state = "RUNNING";
        }
    }

    /** Whether the replay should go on: false once it was cancelled. */
    synchronized boolean replayed(Instant eventTime) {
        lastReplayedEventTime = eventTime;
        return state.equals("RUNNING");
    }

    synchronized boolean isRunning() {
        return state.equals("RUNNING");
    }

    synchronized void complete() {
        end(state.equals("CANCELLING") ? "CANCELLED" : "COMPLETED", null);
    }

    synchronized void fail(String reason) {
        end("FAILED", reason);
    }

    synchronized void cancel() {
        if (!state.equals("STARTING") && !state.equals("RUNNING")) {
            throw EventBridgeException.illegalStatus("Replay " + name + " is not in a state that can be cancelled.");
        }
        state = "CANCELLING";
        stateReason = "Cancelled by the user";
    }

    private void end(String finalState, String reason) {
        state = finalState;
        if (reason != null) {
            stateReason = reason;
        }
        endedAt = Instant.now();
    }

    /** The fields of DescribeReplay and, with {@code full} false, of ListReplays. */
    synchronized ObjectNode describe(boolean full) {
        ObjectNode out = AwsJson.MAPPER.createObjectNode().put("ReplayName", name);
        if (full) {
            out.put("ReplayArn", arn);
            if (description != null) {
                out.put("Description", description);
            }
            ObjectNode destination = out.putObject("Destination").put("Arn", destinationArn);
            if (!filterArns.isEmpty()) {
                filterArns.forEach(destination.putArray("FilterArns")::add);
            }
        }
        out.put("EventSourceArn", archiveArn).put("State", state);
        if (stateReason != null) {
            out.put("StateReason", stateReason);
        }
        out.set("EventStartTime", AwsJson.timestamp(eventStart));
        out.set("EventEndTime", AwsJson.timestamp(eventEnd));
        if (lastReplayedEventTime != null) {
            out.set("EventLastReplayedTime", AwsJson.timestamp(lastReplayedEventTime));
        }
        out.set("ReplayStartTime", AwsJson.timestamp(startedAt));
        if (endedAt != null) {
            out.set("ReplayEndTime", AwsJson.timestamp(endedAt));
        }
        return out;
    }

    String name() {
        return name;
    }

    String arn() {
        return arn;
    }

    String archiveArn() {
        return archiveArn;
    }

    String destinationArn() {
        return destinationArn;
    }

    List<String> filterArns() {
        return filterArns;
    }

    Instant eventStart() {
        return eventStart;
    }

    Instant eventEnd() {
        return eventEnd;
    }

    Instant startedAt() {
        return startedAt;
    }

    synchronized String state() {
        return state;
    }
}
