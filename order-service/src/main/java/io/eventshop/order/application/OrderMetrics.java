package io.eventshop.order.application;

import io.eventshop.order.domain.OrderStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Counts the orders that reached an outcome ({@code eventshop.orders.outcomes}, tagged by status). */
@Component
class OrderMetrics {

    private final MeterRegistry registry;

    OrderMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts the order once the transaction that moved it to {@code status} commits. */
    void reached(OrderStatus status) {
        Counter counter = Counter.builder("eventshop.orders.outcomes")
                .description("Orders that reached CONFIRMED, CANCELLED or NEEDS_ATTENTION")
                .tag("status", status.name())
                .register(registry);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                counter.increment();
            }
        });
    }
}
