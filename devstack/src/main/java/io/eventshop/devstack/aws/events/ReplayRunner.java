package io.eventshop.devstack.aws.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs replays on virtual threads, so that StartReplay answers at once as in AWS. Each replayed event carries
 * {@code replay-name} and goes only to the destination bus's rules (those of the filter, when it has one); it is
 * never archived again.
 */
final class ReplayRunner implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReplayRunner.class);

    /** Events are replayed in chunks of this many, checking for a cancellation between chunks. */
    private static final int CHUNK = 10;

    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("eventbridge-replay-", 0).factory());
    private final Registry registry;
    private final TargetDelivery delivery;

    ReplayRunner(Registry registry, TargetDelivery delivery) {
        this.registry = registry;
        this.delivery = delivery;
    }

    /** Starts the replay of events taken from the archive when the replay was started. */
    void start(Replay replay, List<Archive.ArchivedEvent> events) {
        threads.execute(() -> {
            try {
                replay(replay, events);
            } catch (RuntimeException e) {
                log.warn("Replay {} failed", replay.name(), e);
                replay.fail(String.valueOf(e.getMessage()));
            }
        });
    }

    private void replay(Replay replay, List<Archive.ArchivedEvent> events) {
        replay.run();
        for (int from = 0; from < events.size() && replay.isRunning(); from += CHUNK) {
            List<Archive.ArchivedEvent> chunk = events.subList(from, Math.min(events.size(), from + CHUNK));
            List<Routing> routings = new ArrayList<>();
            synchronized (registry) {
                EventBus bus = registry.findBus(replay.destinationArn());
                if (bus == null) {
                    replay.fail("The destination event bus no longer exists.");
                    return;
                }
                for (Archive.ArchivedEvent archived : chunk) {
                    ObjectNode event = archived.event().deepCopy().put("replay-name", replay.name());
                    routings.addAll(EventRouter.route(
                            bus,
                            event,
                            AwsJson.write(event),
                            Instant.now(),
                            rule -> replay.filterArns().isEmpty()
                                    || replay.filterArns().contains(rule.arn())));
                }
            }
            delivery.deliver(routings);
            replay.replayed(chunk.getLast().ingestedAt());
        }
        replay.complete();
    }

    @Override
    public void close() {
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
