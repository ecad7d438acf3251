package io.eventshop.order.web;

import io.eventshop.order.domain.Order;
import io.eventshop.order.domain.OrderStatus;
import io.eventshop.order.domain.SagaStep;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An order as the API shows it, with the state of its saga. */
record OrderResponse(
        UUID id,
        String customerId,
        OrderStatus status,
        BigDecimal totalAmount,
        String currency,
        List<Item> items,
        @Nullable String cancellationReason,
        Saga saga,
        Instant createdAt,
        Instant updatedAt) {

    record Item(String sku, int quantity, BigDecimal unitPrice) {}

    record Saga(SagaStep step, List<Step> steps, @Nullable String failureReason) {}

    record Step(SagaStep name, SagaStep.StepStatus status, Instant at) {}

    static OrderResponse of(Order order) {
        return new OrderResponse(
                order.id().value(),
                order.customerId(),
                order.status(),
                order.total().amount(),
                order.total().currency(),
                order.lines().stream()
                        .map(line -> new Item(
                                line.sku().value(),
                                line.quantity(),
                                line.unitPrice().amount()))
                        .toList(),
                order.cancellationReason(),
                new Saga(
                        order.saga().step(),
                        order.saga().steps().stream()
                                .map(step -> new Step(step.step(), step.step().status(), step.at()))
                                .toList(),
                        order.saga().failureReason()),
                order.createdAt(),
                order.updatedAt());
    }
}
