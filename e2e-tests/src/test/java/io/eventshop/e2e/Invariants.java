package io.eventshop.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import tools.jackson.databind.JsonNode;

/**
 * The guarantees of ARCHITECTURE.md §4, checked over the whole system once it is quiescent: every fault scenario ends
 * here. They are read from each service's own database, the payment provider's ledger and the dead-letter queues, so
 * that a lost, duplicated or misapplied message shows up however it happened.
 *
 * <ul>
 *   <li>every order is CONFIRMED or CANCELLED, or NEEDS_ATTENTION with its reason;
 *   <li>money: the payments taken minus the refunds equal the totals of the confirmed orders, in payment-service's
 *       books and in the provider's ledger alike, and no order was charged twice;
 *   <li>stock, per sku: available + reserved + the quantities of confirmed orders = the stock received, and what is
 *       reserved is held by a live reservation;
 *   <li>every confirmed order has one scheduled shipment, and no cancelled order has one;
 *   <li>each dead-letter queue holds exactly the messages the scenario poisoned.
 * </ul>
 */
final class Invariants {

    private static final List<String> SERVICES =
            Aws.QUEUES.stream().map(Aws.ConsumerQueue::service).toList();

    private final ServiceDatabases databases;
    private final Aws aws;
    private final Eventshop shop;

    Invariants(RunningSystem system) {
        this.databases = system.databases();
        this.aws = system.aws();
        this.shop = system.client();
    }

    /** A message a scenario put in a dead-letter queue: its queue, a text its body contains, and why it is there. */
    record DeadLetter(String queue, String bodyContains, String reasonContains) {}

    /** Waits until the system is quiescent, then checks every invariant, with no dead letter expected. */
    void assertHold() {
        assertHold(List.of());
    }

    /** Waits until the system is quiescent, then checks every invariant and that the DLQs hold exactly these. */
    void assertHold(List<DeadLetter> expectedDeadLetters) {
        awaitQuiescence();
        SoftAssertions softly = new SoftAssertions();
        everyOrderIsSettled(softly);
        moneyBalances(softly);
        stockBalances(softly);
        shipmentsMatchOrders(softly);
        deadLetterQueuesHoldExactly(expectedDeadLetters, softly);
        softly.assertAll();
    }

    /**
     * Quiescent: no order in flight, no refund pending, no event waiting in an outbox or a queue, and nothing handled
     * between two looks (the inboxes and outboxes did not grow), so no message was on its way from one to the other.
     */
    void awaitQuiescence() {
        AtomicReference<List<Long>> previous = new AtomicReference<>();
        await().atMost(Eventshop.SETTLE.multipliedBy(2))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    List<Long> now = progress();
                    boolean still = now.equals(previous.getAndSet(now));
                    assertThat(unsettled()).as("what is still in flight").isEmpty();
                    assertThat(still)
                            .as("inboxes and outboxes unchanged since the last look")
                            .isTrue();
                });
    }

    /** What keeps the system from being quiescent, in words, so that a timeout says what it waited for. */
    private List<String> unsettled() {
        List<String> unsettled = new ArrayList<>();
        databases
                .rows("order-service", "select id, cancellation_reason from customer_order where status = 'PENDING'")
                .forEach(order -> unsettled.add("order %s is PENDING%s"
                        .formatted(
                                order.get("id"),
                                order.get("cancellation_reason") == null
                                        ? ""
                                        : " (cancellation requested: " + order.get("cancellation_reason") + ")")));
        long refunds = databases.count("payment-service", "select count(*) from refund where status = 'PENDING'");
        if (refunds > 0) {
            unsettled.add(refunds + " refunds are PENDING");
        }
        for (String service : SERVICES) {
            long waiting = databases.count(
                    service,
                    "select count(*) from outbox_event where sns_published_at is null or events_published_at is null");
            if (waiting > 0) {
                unsettled.add(waiting + " events wait in the outbox of " + service);
            }
        }
        for (Aws.ConsumerQueue queue : Aws.QUEUES) {
            int depth = aws.depth(queue.name());
            if (depth > 0) {
                unsettled.add(depth + " messages wait in " + queue.name());
            }
        }
        return unsettled;
    }

    private List<Long> progress() {
        List<Long> counts = new ArrayList<>();
        for (String service : SERVICES) {
            counts.add(databases.count(service, "select count(*) from inbox_message"));
            counts.add(databases.count(service, "select count(*) from outbox_event"));
        }
        return counts;
    }

    private void everyOrderIsSettled(SoftAssertions softly) {
        for (Map<String, Object> order :
                databases.rows("order-service", "select id, status, failure_reason from customer_order")) {
            String status = (String) order.get("status");
            softly.assertThat(status)
                    .as("status of order %s", order.get("id"))
                    .isIn("CONFIRMED", "CANCELLED", "NEEDS_ATTENTION");
            if ("NEEDS_ATTENTION".equals(status)) {
                softly.assertThat((String) order.get("failure_reason"))
                        .as("reason of order %s, which needs attention", order.get("id"))
                        .isNotBlank();
            }
        }
    }

    private void moneyBalances(SoftAssertions softly) {
        BigDecimal confirmed = databases.sum(
                "order-service", "select sum(total_amount) from customer_order where status = 'CONFIRMED'");
        BigDecimal taken =
                databases.sum("payment-service", "select sum(amount) from payment where status <> 'DECLINED'");
        BigDecimal refunded = databases.sum(
                "payment-service",
                "select sum(p.amount) from refund r join payment p on p.id = r.payment_id where r.status = 'COMPLETED'");
        long paymentsTaken =
                databases.count("payment-service", "select count(*) from payment where status <> 'DECLINED'");
        JsonNode ledger = shop.providerLedger();

        softly.assertThat(taken.subtract(refunded))
                .as("payments taken minus refunds, in payment-service's books")
                .isEqualByComparingTo(confirmed);
        softly.assertThat(ledger.get("charged")
                        .decimalValue()
                        .subtract(ledger.get("refunded").decimalValue()))
                .as("charged minus refunded, in the payment provider's ledger")
                .isEqualByComparingTo(confirmed);
        softly.assertThat(ledger.get("charges").asLong())
                .as("charges in the provider's ledger (one per paid order: nobody is charged twice)")
                .isEqualTo(paymentsTaken);

        Map<Object, BigDecimal> paidByOrder = databases
                .rows("payment-service", "select order_id, amount, status from payment where status = 'AUTHORIZED'")
                .stream()
                .collect(Collectors.toMap(row -> row.get("order_id"), row -> (BigDecimal) row.get("amount")));
        for (Map<String, Object> order :
                databases.rows("order-service", "select id, status, total_amount from customer_order")) {
            BigDecimal paid = paidByOrder.get(order.get("id"));
            if ("CONFIRMED".equals(order.get("status"))) {
                softly.assertThat(paid)
                        .as("payment kept for confirmed order %s", order.get("id"))
                        .isNotNull();
                if (paid != null) {
                    softly.assertThat(paid).isEqualByComparingTo((BigDecimal) order.get("total_amount"));
                }
            } else {
                softly.assertThat(paid)
                        .as("payment kept for order %s, which is %s", order.get("id"), order.get("status"))
                        .isNull();
            }
        }
    }

    private void stockBalances(SoftAssertions softly) {
        Map<String, Long> confirmedQuantities = new HashMap<>();
        databases
                .rows(
                        "order-service",
                        "select l.sku, sum(l.quantity) as quantity from order_line l"
                                + " join customer_order o on o.id = l.order_id where o.status = 'CONFIRMED'"
                                + " group by l.sku")
                .forEach(row ->
                        confirmedQuantities.put((String) row.get("sku"), ((Number) row.get("quantity")).longValue()));
        Map<String, Long> heldByReservations = new HashMap<>();
        databases
                .rows(
                        "inventory-service",
                        "select l.sku, sum(l.quantity) as quantity from reservation_line l"
                                + " join reservation r on r.id = l.reservation_id where r.status = 'ACTIVE'"
                                + " group by l.sku")
                .forEach(row ->
                        heldByReservations.put((String) row.get("sku"), ((Number) row.get("quantity")).longValue()));

        for (Map<String, Object> product :
                databases.rows("inventory-service", "select sku, available, reserved, received from product")) {
            String sku = (String) product.get("sku");
            long available = ((Number) product.get("available")).longValue();
            long reserved = ((Number) product.get("reserved")).longValue();
            long received = ((Number) product.get("received")).longValue();
            long confirmed = confirmedQuantities.getOrDefault(sku, 0L);
            softly.assertThat(available + reserved + confirmed)
                    .as(
                            "%s: available %d + reserved %d + confirmed %d against %d received",
                            sku, available, reserved, confirmed, received)
                    .isEqualTo(received);
            softly.assertThat(reserved)
                    .as("%s: reserved, against the active reservations (none once every order settled)", sku)
                    .isEqualTo(heldByReservations.getOrDefault(sku, 0L))
                    .isZero();
        }
    }

    private void shipmentsMatchOrders(SoftAssertions softly) {
        Map<Object, Long> scheduled = databases
                .rows(
                        "shipping-service",
                        "select order_id, count(*) as shipments from shipment where status = 'SCHEDULED'"
                                + " group by order_id")
                .stream()
                .collect(Collectors.toMap(
                        row -> row.get("order_id"), row -> ((Number) row.get("shipments")).longValue()));
        for (Map<String, Object> order : databases.rows("order-service", "select id, status from customer_order")) {
            long shipments = scheduled.getOrDefault(order.get("id"), 0L);
            softly.assertThat(shipments)
                    .as("scheduled shipments of order %s, which is %s", order.get("id"), order.get("status"))
                    .isEqualTo("CONFIRMED".equals(order.get("status")) ? 1L : 0L);
        }
    }

    private void deadLetterQueuesHoldExactly(List<DeadLetter> expected, SoftAssertions softly) {
        for (Aws.ConsumerQueue queue : Aws.QUEUES) {
            List<JsonNode> held = shop.deadLetters(queue.service(), queue.deadLetterQueue());
            List<DeadLetter> wanted = expected.stream()
                    .filter(letter -> letter.queue().equals(queue.deadLetterQueue()))
                    .toList();
            softly.assertThat(held)
                    .as("messages in %s", queue.deadLetterQueue())
                    .hasSameSizeAs(wanted);
            for (DeadLetter letter : wanted) {
                softly.assertThat(held)
                        .as("%s holds a message with %s", queue.deadLetterQueue(), letter.bodyContains())
                        .anySatisfy(message -> {
                            assertThat(message.get("body").asString()).contains(letter.bodyContains());
                            assertThat(
                                            message.path("failureReason").isString()
                                                    ? message.get("failureReason")
                                                            .asString()
                                                    : "")
                                    .contains(letter.reasonContains());
                        });
            }
        }
    }
}
