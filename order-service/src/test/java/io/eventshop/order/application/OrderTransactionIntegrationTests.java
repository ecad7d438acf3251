package io.eventshop.order.application;

import static io.eventshop.order.testing.SagaEvents.paymentAuthorized;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventshop.events.EventEnvelope;
import io.eventshop.order.domain.Money;
import io.eventshop.order.domain.Order;
import io.eventshop.order.domain.OrderCancellationRequested;
import io.eventshop.order.domain.OrderId;
import io.eventshop.order.domain.ProductPrice;
import io.eventshop.order.domain.SagaStep;
import io.eventshop.order.domain.ShippingAddress;
import io.eventshop.order.domain.Sku;
import io.eventshop.order.domain.StepRecord;
import io.eventshop.order.testing.OrderServiceIntegrationTest;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The order's rows (JPA) and its events' outbox rows (JdbcClient, through the mapper) commit in one transaction, or
 * not at all; and of two transactions that change one order at once, the second to commit fails on the version, with
 * its outbox events.
 */
@OrderServiceIntegrationTest
class OrderTransactionIntegrationTests {

    @Autowired
    OrderService service;

    @Autowired
    OrderSaga saga;

    @Autowired
    PriceReplica prices;

    @Autowired
    EntityManager entityManager;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    ApplicationEventMulticaster multicaster;

    TransactionTemplate transaction;
    TransactionTemplate newTransaction;

    @BeforeEach
    void setUp() {
        transaction = new TransactionTemplate(transactionManager);
        newTransaction = new TransactionTemplate(transactionManager);
        newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        prices.replicate(new ProductPrice(new Sku("SKU-1001"), "Teapot", Money.of("19.99", "EUR")), Instant.EPOCH);
    }

    @Test
    void aRolledBackPlacementLeavesNeitherTheOrderNorItsOutboxEvent() {
        OrderId id = transaction.execute(status -> {
            OrderId placed = service.place(aCommand(), null).order().id();
            entityManager.flush();
            assertThat(rowsOf(placed)).as("in the transaction").containsExactly(1L, 1L, 1L, 1L);
            status.setRollbackOnly();
            return placed;
        });

        assertThat(rowsOf(id)).as("after the rollback").containsExactly(0L, 0L, 0L, 0L);
    }

    @Test
    void aCommittedPlacementStoresTheOrderAndItsOutboxEventTogether() {
        OrderId id = transaction.execute(
                status -> service.place(aCommand(), null).order().id());

        assertThat(rowsOf(id)).containsExactly(1L, 1L, 1L, 1L);
    }

    @Test
    void ofTwoConcurrentChangesOfAnOrderTheSecondToCommitFailsWithItsOutboxEvent() {
        OrderId id = service.place(aCommand(), null).order().id();
        UUID orderId = id.value();

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
                    service.find(id);
                    newTransaction.executeWithoutResult(
                            other -> saga.on(paymentAuthorized(orderId), envelope(paymentAuthorized(orderId))));
                    service.cancel(id, "changed my mind");
                }))
                .isInstanceOf(OptimisticLockingFailureException.class);

        var order = service.find(id);
        assertThat(order.saga().step()).isEqualTo(SagaStep.PAYMENT_AUTHORIZED);
        assertThat(order.cancellationReason()).isNull();
        assertThat(outboxRows(id, "OrderCancellationRequested")).isZero();
        assertThat(service.cancel(id, "changed my mind").isCancelling())
                .as("asked again")
                .isTrue();
        assertThat(outboxRows(id, "OrderCancellationRequested")).isOne();
    }

    /**
     * The saga changes the order while the customer's cancellation is being requested (a listener of the cancellation
     * commits a PaymentAuthorized in a transaction of its own, once): the cancellation's first attempt fails on the
     * version, and the second one decides again on the changed order.
     */
    @Test
    void aCancellationThatMeetsAChangeOfTheSagaIsDecidedAgainOnTheChangedOrder() {
        OrderId id = service.place(aCommand(), null).order().id();
        UUID orderId = id.value();
        AtomicInteger attempts = new AtomicInteger();
        ApplicationListener<ApplicationEvent> theSagaMovesOn = event -> {
            if (event instanceof PayloadApplicationEvent<?> payload
                    && payload.getPayload() instanceof OrderCancellationRequested
                    && attempts.incrementAndGet() == 1) {
                newTransaction.executeWithoutResult(
                        other -> saga.on(paymentAuthorized(orderId), envelope(paymentAuthorized(orderId))));
            }
        };
        multicaster.addApplicationListener(theSagaMovesOn);
        Order cancelling;
        try {
            cancelling = service.cancel(id, "changed my mind");
        } finally {
            multicaster.removeApplicationListener(theSagaMovesOn);
        }

        assertThat(attempts).hasValue(2);
        assertThat(cancelling.isCancelling()).isTrue();
        assertThat(cancelling.saga().steps())
                .extracting(StepRecord::step)
                .containsExactly(SagaStep.ORDER_PLACED, SagaStep.PAYMENT_AUTHORIZED, SagaStep.CANCELLATION_REQUESTED);
        assertThat(outboxRows(id, "OrderCancellationRequested")).isOne();
    }

    private static PlaceOrder aCommand() {
        return new PlaceOrder(
                "c-42",
                List.of(new PlaceOrder.Item(new Sku("SKU-1001"), 2)),
                "tok_visa",
                new ShippingAddress("Ada", "1 Main St", "Berlin", "10115", "DE"));
    }

    private static EventEnvelope envelope(io.eventshop.events.IntegrationEvent event) {
        return EventEnvelope.of(event, "payment-service", event.orderId(), null, Clock.systemUTC());
    }

    /** The rows of the order: customer_order, order_line, saga_step, and its OrderPlaced in the outbox. */
    private List<Long> rowsOf(OrderId id) {
        return List.of(
                count("select count(*) from customer_order where id = ?", id.value()),
                count("select count(*) from order_line where order_id = ?", id.value()),
                count("select count(*) from saga_step where order_id = ?", id.value()),
                outboxRows(id, "OrderPlaced"));
    }

    private long outboxRows(OrderId id, String eventType) {
        return count(
                "select count(*) from outbox_event where ordering_key = ? and event_type = ?",
                id.value().toString(),
                eventType);
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
