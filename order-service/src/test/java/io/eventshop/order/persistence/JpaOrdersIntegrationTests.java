package io.eventshop.order.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.order.application.Orders;
import io.eventshop.order.application.Orders.OrderPage;
import io.eventshop.order.application.Orders.PendingOrder;
import io.eventshop.order.domain.Money;
import io.eventshop.order.domain.Order;
import io.eventshop.order.domain.OrderId;
import io.eventshop.order.domain.OrderLine;
import io.eventshop.order.domain.OrderStatus;
import io.eventshop.order.domain.SagaStep;
import io.eventshop.order.domain.ShippingAddress;
import io.eventshop.order.domain.Sku;
import io.eventshop.order.domain.StepRecord;
import io.eventshop.order.testing.OrderServiceIntegrationTest;
import io.eventshop.order.testing.Statements;
import io.eventshop.order.testing.Statements.Recorded;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** The order aggregate on its tables, with Spring Data JPA: what is stored is read back, and a search is cheap. */
@OrderServiceIntegrationTest
class JpaOrdersIntegrationTests {

    @Autowired
    Orders orders;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void anOrderIsReadBackWithItsLinesItsSagaAndItsChanges() {
        Order placed = anOrder("c-" + UUID.randomUUID(), Instant.now().truncatedTo(ChronoUnit.MICROS));
        transaction.executeWithoutResult(status -> orders.save(placed));
        Instant authorizedAt = placed.createdAt().plusSeconds(1);
        List<String> change = Statements.recordedDuring(() -> transaction.execute(status -> {
                    Order order = orders.find(placed.id()).orElseThrow();
                    order.paymentAuthorized(authorizedAt);
                    orders.save(order);
                    return order;
                }))
                .statements();

        Order read = transaction.execute(status -> orders.find(placed.id()).orElseThrow());

        assertThat(read.customerId()).isEqualTo(placed.customerId());
        assertThat(read.lines()).isEqualTo(placed.lines());
        assertThat(read.total()).isEqualTo(Money.of("45.48", "EUR"));
        assertThat(read.shippingAddress()).isEqualTo(placed.shippingAddress());
        assertThat(read.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(read.saga().step()).isEqualTo(SagaStep.PAYMENT_AUTHORIZED);
        assertThat(read.saga().steps())
                .containsExactly(
                        new StepRecord(SagaStep.ORDER_PLACED, placed.createdAt()),
                        new StepRecord(SagaStep.PAYMENT_AUTHORIZED, authorizedAt));
        assertThat(read.createdAt()).isEqualTo(placed.createdAt());
        assertThat(read.updatedAt()).isEqualTo(authorizedAt);
        assertThat(orders.find(OrderId.newId())).isEmpty();
        assertThat(change)
                .as("one read, the order's new state checked against its version, the new step appended")
                .hasSize(3)
                .satisfies(statements -> {
                    assertThat(statements.get(0)).startsWith("select");
                    assertThat(statements.get(1))
                            .startsWith("update customer_order")
                            .contains("version");
                    assertThat(statements.get(2)).startsWith("insert into saga_step");
                });
    }

    @Test
    void aPageOfTwentyOrdersWithTheirLinesAndSagasTakesAtMostTwoStatements() {
        String customer = "c-" + UUID.randomUUID();
        Instant now = Instant.now();
        List<OrderId> placed = new ArrayList<>();
        transaction.executeWithoutResult(status -> {
            for (int i = 0; i < 25; i++) {
                Order order = anOrder(customer, now.plusMillis(i));
                orders.save(order);
                placed.add(order.id());
            }
        });
        List<OrderId> newestFirst = placed.reversed();

        Recorded<OrderPage> first = Statements.recordedDuring(() -> transaction.execute(status -> {
            OrderPage page = orders.search(customer, null, 0, 20);
            page.orders().forEach(order -> {
                order.lines().forEach(OrderLine::unitPrice);
                order.saga().steps().forEach(StepRecord::at);
            });
            return page;
        }));

        assertThat(first.statements()).as("statements for a page of 20").hasSizeBetween(1, 2);
        OrderPage page = first.result();
        assertThat(page.totalElements()).isEqualTo(25);
        assertThat(page.orders()).extracting(Order::id).containsExactlyElementsOf(newestFirst.subList(0, 20));
        assertThat(page.orders()).allSatisfy(order -> {
            assertThat(order.lines()).hasSize(2);
            assertThat(order.saga().steps()).hasSize(1);
        });
        OrderPage last = transaction.execute(status -> orders.search(customer, OrderStatus.PENDING, 1, 20));
        assertThat(last.orders()).extracting(Order::id).containsExactlyElementsOf(newestFirst.subList(20, 25));
        assertThat(last.totalElements()).isEqualTo(25);
        OrderPage beyond = transaction.execute(status -> orders.search(customer, null, 5, 20));
        assertThat(beyond.orders()).isEmpty();
        assertThat(beyond.totalElements()).isEqualTo(25);
        assertThat(transaction
                        .execute(status -> orders.search(customer, OrderStatus.CONFIRMED, 0, 20))
                        .totalElements())
                .isZero();
    }

    /**
     * The orders are placed in the future, so that the deadline job of this context (5 minutes) leaves them alone; the
     * pass starts just before them.
     */
    @Test
    void theDeadlineJobPagesThroughPendingOrdersOldestFirst() {
        Instant tomorrow = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        List<OrderId> placed = new ArrayList<>();
        transaction.executeWithoutResult(status -> {
            for (int i = 0; i < 5; i++) {
                Order order = anOrder("c-" + UUID.randomUUID(), tomorrow.plusSeconds(i / 2));
                orders.save(order);
                placed.add(order.id());
            }
        });
        Instant placedBefore = tomorrow.plusSeconds(10);

        List<PendingOrder> seen = new ArrayList<>();
        PendingOrder after = new PendingOrder(new OrderId(new UUID(0, 0)), tomorrow.minusSeconds(1));
        List<PendingOrder> batch;
        do {
            PendingOrder position = after;
            batch = transaction.execute(status -> orders.pendingPlacedBefore(placedBefore, position, 2));
            seen.addAll(batch);
            after = batch.isEmpty() ? after : batch.getLast();
        } while (!batch.isEmpty());

        assertThat(seen).extracting(PendingOrder::id).containsExactlyInAnyOrderElementsOf(placed);
        assertThat(seen).extracting(PendingOrder::placedAt).isSorted();
        List<PendingOrder> earlier = transaction.execute(status -> orders.pendingPlacedBefore(tomorrow, null, 1000));
        assertThat(earlier)
                .extracting(PendingOrder::id)
                .as("placed before the first of them")
                .doesNotContainAnyElementsOf(placed);
    }

    private static Order anOrder(String customerId, Instant placedAt) {
        return Order.place(
                OrderId.newId(),
                customerId,
                List.of(
                        new OrderLine(new Sku("SKU-1001"), 2, Money.of("19.99", "EUR")),
                        new OrderLine(new Sku("SKU-2002"), 1, Money.of("5.50", "EUR"))),
                "tok_visa",
                new ShippingAddress("Ada", "1 Main St", "Berlin", "10115", "DE"),
                placedAt);
    }
}
