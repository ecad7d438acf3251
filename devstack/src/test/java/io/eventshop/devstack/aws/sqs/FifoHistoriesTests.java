package io.eventshop.devstack.aws.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.elasticmq.DeduplicationId;
import org.elasticmq.MessageAttribute;
import org.elasticmq.MessageContent;
import org.elasticmq.NeverReceived$;
import org.elasticmq.actor.queue.InternalMessage;
import org.elasticmq.actor.queue.ReceiveRequestAttemptCache;
import org.elasticmq.util.NowProvider;
import org.junit.jupiter.api.Test;
import scala.Option;
import scala.collection.mutable.ArrayBuffer;
import scala.jdk.javaapi.CollectionConverters;
import scala.jdk.javaapi.OptionConverters;
import scala.util.Either;

/**
 * The FIFO queue's deduplication history and receive attempt cache of sqs/FifoHistories.scala: ElasticMQ's answers,
 * with expiry driven by a clock the test moves.
 */
class FifoHistoriesTests {

    private final Clock clock = new Clock();

    @Test
    void aDeduplicationIdIsRegisteredUntilFiveMinutesAfterItsFirstMessageArrived() {
        var history = new IndexedDeduplicationHistory();
        InternalMessage first = message("m1", "dedup-a");
        history.addNew(first);
        clock.advance(Duration.ofMinutes(3));
        history.addNew(message("m2", "dedup-a"));
        history.addNew(message("m3", "dedup-b"));

        assertThat(registered(history, "dedup-a"))
                .as("the first message keeps the id")
                .contains(first);

        clock.advance(Duration.ofMinutes(2).plusSeconds(1));
        history.cleanOutdatedMessages(clock);
        assertThat(registered(history, "dedup-a"))
                .as("5 min after the first message")
                .isEmpty();
        assertThat(registered(history, "dedup-b")).as("2 min after its message").isPresent();
        assertThat(history.size()).isOne();

        clock.advance(Duration.ofMinutes(3));
        history.cleanOutdatedMessages(clock);
        assertThat(history.size()).isZero();
    }

    @Test
    void aMessageWithoutADeduplicationIdIsNotRecorded() {
        var history = new IndexedDeduplicationHistory();
        history.addNew(message("m1", null));
        assertThat(history.size()).isZero();
        assertThat(history.wasRegistered(Option.empty()).isEmpty()).isTrue();
    }

    @Test
    void aRetriedReceiveAttemptGetsItsMessagesForFiveMinutesWhileTheyAreUnchangedOnTheQueue() {
        var cache = new PrunedReceiveRequestAttemptCache();
        var queue = new OldestGroupFirstQueue();
        InternalMessage kept = message("m1", "dedup-a");
        InternalMessage deleted = message("m2", "dedup-b");
        queue.$plus$eq(kept);
        queue.$plus$eq(deleted);
        cache.add("attempt-1", list(kept), clock);
        cache.add("attempt-2", list(deleted), clock);

        assertThat(attempt(cache, "attempt-1", queue).toOption().get().get()).containsExactly(kept);
        assertThat(attempt(cache, "attempt-unknown", queue).toOption().get().isEmpty())
                .isTrue();

        queue.remove("m2");
        assertThat(attempt(cache, "attempt-2", queue).left().toOption().get()).hasToString("Invalid");

        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(attempt(cache, "attempt-1", queue).left().toOption().get()).hasToString("Expired");
    }

    @Test
    void attemptsOlderThanFifteenMinutesAreDroppedWhenTheNextIsCached() {
        var cache = new PrunedReceiveRequestAttemptCache();
        cache.add("attempt-1", list(), clock);
        clock.advance(Duration.ofMinutes(10));
        cache.add("attempt-2", list(), clock);
        // Cached again: it moves behind attempt-2, with its new time.
        cache.add("attempt-1", list(), clock);
        clock.advance(Duration.ofMinutes(6));
        cache.add("attempt-3", list(), clock);
        assertThat(cache.size()).isEqualTo(3);

        clock.advance(Duration.ofMinutes(10));
        cache.add("attempt-4", list(), clock);
        assertThat(cache.size()).as("attempt-1 and -2 were cached 16 min ago").isEqualTo(2);
    }

    private static Optional<InternalMessage> registered(IndexedDeduplicationHistory history, String deduplicationId) {
        return OptionConverters.toJava(history.wasRegistered(Option.apply(new DeduplicationId(deduplicationId))));
    }

    private static List<InternalMessage> asList(scala.collection.immutable.List<InternalMessage> messages) {
        return CollectionConverters.asJava(messages);
    }

    private Either<ReceiveRequestAttemptCache.ReceiveFailure, Option<List<InternalMessage>>> attempt(
            PrunedReceiveRequestAttemptCache cache, String attemptId, OldestGroupFirstQueue queue) {
        return cache.get(attemptId, queue, clock).map(found -> found.map(FifoHistoriesTests::asList));
    }

    @SafeVarargs
    private static scala.collection.immutable.List<InternalMessage> list(InternalMessage... messages) {
        return CollectionConverters.asScala(List.of(messages)).toList();
    }

    private InternalMessage message(String id, String deduplicationId) {
        return new InternalMessage(
                id,
                new ArrayBuffer<>(),
                clock.nowMillis(),
                new MessageContent("body of " + id),
                scala.collection.immutable.Map$.MODULE$.<String, MessageAttribute>empty(),
                clock.now(),
                0,
                NeverReceived$.MODULE$,
                0,
                true,
                Option.apply("group-1"),
                Option.apply(deduplicationId).map(DeduplicationId::new),
                Option.empty(),
                Option.empty(),
                Option.empty());
    }

    /** ElasticMQ's clock, at a time the test sets. */
    private static final class Clock extends NowProvider {

        private Instant now = Instant.parse("2026-12-07T12:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public long nowMillis() {
            return now.toEpochMilli();
        }

        @Override
        public OffsetDateTime now() {
            return now.atOffset(ZoneOffset.UTC);
        }
    }
}
