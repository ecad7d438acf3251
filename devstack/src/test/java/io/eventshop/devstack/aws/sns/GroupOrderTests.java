package io.eventshop.devstack.aws.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class GroupOrderTests {

    private final GroupOrder order = new GroupOrder();

    @Test
    void aTurnWaitsForTheEarlierTurnsOfItsGroups() {
        GroupOrder.Turn first = order.enter(Set.of("a"));
        GroupOrder.Turn second = order.enter(Set.of("a", "b"));

        CompletableFuture<Void> waiting = CompletableFuture.runAsync(second::awaitEarlier);

        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> !waiting.isDone());
        first.close();
        await().atMost(Duration.ofSeconds(2)).until(waiting::isDone);
    }

    @Test
    void aTurnOfAnotherGroupDoesNotWait() {
        GroupOrder.Turn a = order.enter(Set.of("a"));
        GroupOrder.Turn b = order.enter(Set.of("b"));

        CompletableFuture<Void> other = CompletableFuture.runAsync(b::awaitEarlier);

        await().atMost(Duration.ofSeconds(2)).until(other::isDone);
        a.close();
        b.close();
    }

    @Test
    void aTurnWaitsForEveryEarlierTurnOfItsGroupsNotOnlyTheLast() {
        GroupOrder.Turn inA = order.enter(Set.of("a"));
        GroupOrder.Turn inB = order.enter(Set.of("b"));
        GroupOrder.Turn inBoth = order.enter(Set.of("a", "b"));

        CompletableFuture<Void> waiting = CompletableFuture.runAsync(inBoth::awaitEarlier);
        inB.close();

        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> !waiting.isDone());
        inA.close();
        await().atMost(Duration.ofSeconds(2)).until(waiting::isDone);
    }

    @Test
    void groupsWithNothingOpenAreForgotten() {
        GroupOrder.Turn first = order.enter(Set.of("a", "b"));
        GroupOrder.Turn second = order.enter(Set.of("b"));

        first.close();
        assertThat(order.openGroups()).isEqualTo(1);
        second.close();
        assertThat(order.openGroups()).isZero();
    }
}
