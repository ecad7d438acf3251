package io.eventshop.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BatchesTests {

    private long nextId = 1;

    @Test
    void consecutiveEventsOfAGroupGoTogetherInTheirOrderUpToTen() {
        List<OutboxEvent> due = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            due.add(event("order-a"));
        }

        List<List<OutboxEvent>> batches = Batches.of(due, Set.of());

        assertThat(batches).singleElement().satisfies(batch -> assertThat(ids(batch))
                .containsExactlyElementsOf(ids(due.subList(0, 10))));
    }

    @Test
    void aGroupIsInOneBatchOnlyAndBatchesHoldTenAtMost() {
        List<OutboxEvent> due =
                List.of(event("a"), event("b"), event("a"), event("c"), event("b"), event("a"), event("d"), event("e"));
        List<OutboxEvent> manyOfF = new ArrayList<>(due);
        for (int i = 0; i < 6; i++) {
            manyOfF.add(event("f"));
        }

        List<List<OutboxEvent>> batches = Batches.of(manyOfF, Set.of());

        assertThat(batches).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(10));
        assertThat(batches.stream().mapToInt(List::size).sum()).isEqualTo(manyOfF.size());
        for (String group : List.of("a", "b", "c", "d", "e", "f")) {
            assertThat(batches.stream().filter(batch -> groups(batch).contains(group)))
                    .as("batches holding group %s", group)
                    .hasSize(1);
        }
        assertThat(groups(batches.getFirst())).containsExactly("a", "a", "a", "b", "b", "c", "d", "e");
        assertThat(groups(batches.get(1))).containsOnly("f");
    }

    @Test
    void theGroupsOfCallsInFlightAreLeftOut() {
        List<OutboxEvent> due = List.of(event("a"), event("busy"), event("b"), event("busy"));

        List<List<OutboxEvent>> batches = Batches.of(due, Set.of("busy"));

        assertThat(batches).singleElement().satisfies(batch -> assertThat(groups(batch))
                .containsExactly("a", "b"));
    }

    @Test
    void nothingDueMakesNoBatch() {
        assertThat(Batches.of(List.of(), Set.of())).isEmpty();
    }

    private OutboxEvent event(String group) {
        return new OutboxEvent(
                nextId++,
                UUID.randomUUID(),
                "PaymentAuthorized",
                group,
                "payment-service",
                "{}",
                Map.of(),
                Instant.EPOCH,
                0);
    }

    private static List<Long> ids(List<OutboxEvent> events) {
        return events.stream().map(OutboxEvent::id).toList();
    }

    private static List<String> groups(List<OutboxEvent> events) {
        return events.stream().map(OutboxEvent::orderingKey).toList();
    }
}
