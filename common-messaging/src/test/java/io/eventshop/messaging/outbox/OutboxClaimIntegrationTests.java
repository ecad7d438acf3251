package io.eventshop.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.messaging.testing.MessagingIntegrationTest;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The relay's claim ({@link OutboxRepository#findPublishable}), with no relay running. */
@MessagingIntegrationTest(
        properties = {"eventshop.messaging.service-name=payment-service", "eventshop.messaging.relay.enabled=false"})
class OutboxClaimIntegrationTests {

    @Autowired
    OutboxRepository repository;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aGroupWaitsFromItsFirstEventInBackoffAndAFullPageInBackoffDoesNotHoldUpTheGroupsBehindIt() {
        jdbc.sql("delete from outbox_event").update();
        String first = "order-" + UUID.randomUUID();
        String second = "order-" + UUID.randomUUID();
        String third = "order-" + UUID.randomUUID();
        long first1 = insert(first);
        long first2 = insert(first);
        long second1 = insert(second);
        long second2 = insert(second);
        long third1 = insert(third);

        // The first group's first event and the second group's second event failed and wait for their backoff.
        backOff(first1);
        backOff(second2);

        assertThat(ids(repository.findPublishable(10).events())).containsExactly(second1, third1);
        // A page of two holds only the first group, which waits whole: the claim reads on.
        assertThat(ids(repository.findPublishable(2).events())).containsExactly(second1);
        // Complete: no unpublished row lies beyond a page that was not full; a full page may have more behind it.
        assertThat(repository.findPublishable(10).complete()).isTrue();
        assertThat(repository.findPublishable(2).complete()).isFalse();
        // A group waits only on the destinations where its event in backoff is unpublished.
        repository.markPublished(Map.of(Destination.EVENT_BRIDGE, List.of(first1)));
        OutboxRepository.Due due = repository.findPublishable(10);
        assertThat(ids(due.events())).containsExactly(first2, second1, third1);
        assertThat(dueOn(due, first2)).containsExactly(Destination.EVENT_BRIDGE);
        assertThat(dueOn(due, second1)).containsExactly(Destination.SNS, Destination.EVENT_BRIDGE);
    }

    @Test
    void oneUpdateRecordsEachDestinationsPublicationsAndAnEventIsDueOnlyWhereItIsMissing() {
        jdbc.sql("delete from outbox_event").update();
        long onBoth = insert("order-" + UUID.randomUUID());
        long onSnsOnly = insert("order-" + UUID.randomUUID());
        long onNeither = insert("order-" + UUID.randomUUID());

        Map<Long, Duration> lags = repository.markPublished(
                Map.of(Destination.SNS, List.of(onBoth, onSnsOnly), Destination.EVENT_BRIDGE, List.of(onBoth)));

        assertThat(lags).containsOnlyKeys(onBoth, onSnsOnly);
        assertThat(lags.values()).allSatisfy(lag -> assertThat(lag).isPositive().isLessThan(Duration.ofMinutes(1)));
        OutboxRepository.Due due = repository.findPublishable(10);
        assertThat(ids(due.events())).containsExactly(onSnsOnly, onNeither);
        assertThat(dueOn(due, onSnsOnly)).containsExactly(Destination.EVENT_BRIDGE);
        assertThat(dueOn(due, onNeither)).containsExactly(Destination.SNS, Destination.EVENT_BRIDGE);
    }

    @Test
    void aFailureRecordedAfterAClaimThatFoundNoGroupWaitingHoldsItsGroupAtTheNextClaim() {
        jdbc.sql("delete from outbox_event").update();
        String group = "order-" + UUID.randomUUID();
        long first = insert(group);
        insert(group);
        assertThat(ids(repository.findPublishable(10).events())).hasSize(2);

        backOff(first);

        assertThat(repository.findPublishable(10).events()).isEmpty();
    }

    @Test
    void aRelayThatTakesOverLooksForWaitingGroupsAgain() {
        jdbc.sql("delete from outbox_event").update();
        String group = "order-" + UUID.randomUUID();
        long first = insert(group);
        assertThat(repository.findPublishable(10).events()).hasSize(1);
        // Another instance's relay recorded the failure: this one learns of it only by looking.
        jdbc.sql("update outbox_event set attempts = 1, next_attempt_at = now() + interval '1 hour' where id = ?")
                .param(first)
                .update();

        repository.lookAgainForWaitingGroups();

        assertThat(repository.findPublishable(10).events()).isEmpty();
    }

    private long insert(String group) {
        UUID eventId = UUID.randomUUID();
        repository.insert(eventId, "PaymentAuthorized", group, "payment-service", "{}", Map.of());
        return jdbc.sql("select id from outbox_event where event_id = ?")
                .param(eventId)
                .query(Long.class)
                .single();
    }

    /** Records a failed attempt at the event of row {@code id}, as the relay does: it waits an hour. */
    private void backOff(long id) {
        repository.markFailed(List.of(new OutboxRepository.FailedAttempt(id, "test: refused", Duration.ofHours(1))));
    }

    private static List<Destination> dueOn(OutboxRepository.Due due, long id) {
        OutboxEvent event = due.events().stream()
                .filter(candidate -> candidate.id() == id)
                .findFirst()
                .orElseThrow();
        return Arrays.stream(Destination.values())
                .filter(destination -> due.isDueOn(event, destination))
                .toList();
    }

    private static List<Long> ids(List<OutboxEvent> events) {
        return events.stream().map(OutboxEvent::id).toList();
    }
}
