package io.eventshop.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PublishResultTests {

    private final OutboxEvent a1 = event(1, "a");
    private final OutboxEvent b1 = event(2, "b");
    private final OutboxEvent a2 = event(3, "a");
    private final OutboxEvent a3 = event(4, "a");
    private final OutboxEvent b2 = event(5, "b");
    private final List<OutboxEvent> batch = List.of(a1, b1, a2, a3, b2);

    @Test
    void theEventsAfterAFailedOneOfTheirGroupAreHeldBackEvenIfTheDestinationTookThem() {
        var result = new PublishResult.Builder()
                .published(1)
                .published(2)
                .failed(3, "InternalError: try again")
                .published(4)
                .published(5)
                .build();

        PublishResult inOrder = result.inGroupOrder(batch);

        assertThat(inOrder.published()).containsExactly(1L, 2L, 5L);
        assertThat(inOrder.failed()).containsOnlyKeys(3L);
        assertThat(inOrder.heldBack()).containsExactly(4L);
    }

    @Test
    void anEventWithoutAnOutcomeCountsAsFailedAndHoldsBackItsGroup() {
        var result = new PublishResult.Builder()
                .published(1)
                .published(3)
                .published(4)
                .build();

        PublishResult inOrder = result.inGroupOrder(batch);

        assertThat(inOrder.published()).containsExactly(1L, 3L, 4L);
        assertThat(inOrder.failed()).containsOnlyKeys(2L);
        assertThat(inOrder.heldBack()).containsExactly(5L);
    }

    @Test
    void aBatchThatFailedWholeStaysFailed() {
        PublishResult inOrder = PublishResult.allFailed(batch, "endpoint down").inGroupOrder(batch);

        assertThat(inOrder.published()).isEmpty();
        // The first of each group failed; the rest wait behind it without an attempt of their own.
        assertThat(inOrder.failed()).containsOnlyKeys(1L, 2L);
        assertThat(inOrder.heldBack()).containsExactly(3L, 4L, 5L);
    }

    private static OutboxEvent event(long id, String group) {
        return new OutboxEvent(
                id, UUID.randomUUID(), "PaymentAuthorized", group, "payment-service", "{}", Map.of(), Instant.EPOCH, 0);
    }
}
