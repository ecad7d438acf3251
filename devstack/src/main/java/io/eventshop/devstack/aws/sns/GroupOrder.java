package io.eventshop.devstack.aws.sns;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Keeps a FIFO topic's deliveries in order within each message group, and only there: a publish waits for the earlier
 * publishes that share a group with it, while publishes of other groups are delivered side by side. SNS promises order
 * per group, so serializing the whole topic would only make every group wait for the slowest.
 *
 * <p>A publish {@linkplain #enter enters} while it holds the topic's lock, right after its messages are numbered, so
 * the turns of a group are taken in sequence-number order. A turn waits only for turns taken before it, so no two
 * publishes can wait for each other.
 */
final class GroupOrder {

    /** The turn taken last in each group that has one still open. */
    private final Map<String, CompletableFuture<Void>> lastTurn = new HashMap<>();

    /** Takes the next turn in each of the groups; close it once delivered. */
    synchronized Turn enter(Set<String> groups) {
        var done = new CompletableFuture<Void>();
        List<CompletableFuture<Void>> earlier = new ArrayList<>();
        for (String group : groups) {
            CompletableFuture<Void> previous = lastTurn.put(group, done);
            if (previous != null) {
                earlier.add(previous);
            }
        }
        return new Turn(Set.copyOf(groups), earlier, done);
    }

    /** The groups that have an open turn. */
    synchronized int openGroups() {
        return lastTurn.size();
    }

    private synchronized void leave(Set<String> groups, CompletableFuture<Void> done) {
        // A group whose last turn this is has nothing open any more; later turns have replaced the others.
        groups.forEach(group -> lastTurn.remove(group, done));
    }

    /** One publish's place in the order of its groups. */
    final class Turn implements AutoCloseable {

        private final Set<String> groups;
        private final List<CompletableFuture<Void>> earlier;
        private final CompletableFuture<Void> done;

        private Turn(Set<String> groups, List<CompletableFuture<Void>> earlier, CompletableFuture<Void> done) {
            this.groups = groups;
            this.earlier = earlier;
            this.done = done;
        }

        /** Returns once every earlier turn of these groups has closed. */
        void awaitEarlier() {
            CompletableFuture.allOf(earlier.toArray(CompletableFuture[]::new)).join();
        }

        /** Lets the next turns of these groups go; always call it, even when the delivery failed. */
        @Override
        public void close() {
            leave(groups, done);
            done.complete(null);
        }
    }
}
