package io.eventshop.messaging.inbox;

import static io.eventshop.messaging.testing.TestEvents.envelope;
import static io.eventshop.messaging.testing.TestEvents.paymentAuthorized;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventshop.events.EventEnvelope;
import io.eventshop.messaging.testing.MessagingIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@MessagingIntegrationTest(
        properties = {"eventshop.messaging.service-name=inbox-tests", "eventshop.messaging.relay.enabled=false"})
class InboxIntegrationTests {

    private static final String CONSUMER = "inbox-tests";

    @Autowired
    Inbox inbox;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meterRegistry;

    @BeforeEach
    void createSideEffectTable() {
        jdbc.sql("create table if not exists side_effect (event_id uuid not null)")
                .update();
    }

    @Test
    void anEventDeliveredThreeTimesHasItsEffectOnce() {
        EventEnvelope event = envelope(paymentAuthorized(UUID.randomUUID()));
        double duplicatesBefore = duplicates();

        List<Boolean> handled = new ArrayList<>();
        for (int delivery = 0; delivery < 3; delivery++) {
            handled.add(inbox.handleOnce(CONSUMER, event, () -> recordSideEffect(event)));
        }

        assertThat(handled).containsExactly(true, false, false);
        assertThat(sideEffectsOf(event)).isEqualTo(1);
        assertThat(duplicates() - duplicatesBefore).isEqualTo(2);
    }

    @Test
    void concurrentDeliveriesOfOneEventHaveItsEffectOnce() throws Exception {
        EventEnvelope event = envelope(paymentAuthorized(UUID.randomUUID()));
        int deliveries = 8;
        var allAtOnce = new CyclicBarrier(deliveries);
        Callable<Boolean> delivery = () -> {
            allAtOnce.await(10, TimeUnit.SECONDS);
            return inbox.handleOnce(CONSUMER, event, () -> recordSideEffect(event));
        };

        List<Boolean> handled = new ArrayList<>();
        try (ExecutorService consumers = Executors.newFixedThreadPool(deliveries)) {
            List<Future<Boolean>> results = consumers.invokeAll(java.util.Collections.nCopies(deliveries, delivery));
            for (Future<Boolean> result : results) {
                handled.add(result.get(10, TimeUnit.SECONDS));
            }
        }

        assertThat(handled).containsOnlyOnce(true);
        assertThat(sideEffectsOf(event)).isEqualTo(1);
    }

    @Test
    void aHandlerThatThrowsLeavesNoTraceSoTheRedeliveryRunsIt() {
        EventEnvelope event = envelope(paymentAuthorized(UUID.randomUUID()));

        assertThatThrownBy(() -> inbox.handleOnce(CONSUMER, event, () -> {
                    recordSideEffect(event);
                    throw new IllegalStateException("provider unavailable");
                }))
                .hasMessage("provider unavailable");
        boolean handled = inbox.handleOnce(CONSUMER, event, () -> recordSideEffect(event));

        assertThat(handled).isTrue();
        assertThat(sideEffectsOf(event)).isEqualTo(1);
    }

    @Test
    void consumersAreIndependent() {
        EventEnvelope event = envelope(paymentAuthorized(UUID.randomUUID()));

        boolean first = inbox.handleOnce("payment-service", event, () -> recordSideEffect(event));
        boolean second = inbox.handleOnce("inventory-service", event, () -> recordSideEffect(event));

        assertThat(first).isTrue();
        assertThat(second).isTrue();
        assertThat(sideEffectsOf(event)).isEqualTo(2);
    }

    @Test
    void expiredRowsAreDeleted() {
        EventEnvelope old = envelope(paymentAuthorized(UUID.randomUUID()));
        EventEnvelope recent = envelope(paymentAuthorized(UUID.randomUUID()));
        inbox.handleOnce(CONSUMER, old, () -> {});
        jdbc.sql("update inbox_message set received_at = now() - interval '20 days' where event_id = ?")
                .param(old.eventId())
                .update();
        inbox.handleOnce(CONSUMER, recent, () -> {});

        inbox.deleteReceivedBefore(Instant.now().minusSeconds(14 * 24 * 3600));

        assertThat(jdbc.sql("select event_id from inbox_message where event_id in (?, ?)")
                        .params(old.eventId(), recent.eventId())
                        .query(UUID.class)
                        .list())
                .containsExactly(recent.eventId());
    }

    private void recordSideEffect(EventEnvelope event) {
        jdbc.sql("insert into side_effect (event_id) values (?)")
                .param(event.eventId())
                .update();
    }

    private int sideEffectsOf(EventEnvelope event) {
        return jdbc.sql("select count(*) from side_effect where event_id = ?")
                .param(event.eventId())
                .query(Integer.class)
                .single();
    }

    private double duplicates() {
        var counter = meterRegistry
                .find("eventshop.inbox.duplicates")
                .tag("consumer", CONSUMER)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
