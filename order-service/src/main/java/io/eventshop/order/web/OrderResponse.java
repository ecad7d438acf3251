package io.eventshop.order.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.eventshop.order.domain.Order;
import io.eventshop.order.domain.OrderStatus;
import io.eventshop.order.domain.SagaStep;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An order as the API shows it, with the state of its saga. {@code traceId} is in the answer to the request that placed
 * the order only: the id of the trace that follows the order's saga through every service (the request's own trace,
 * which the saga's messages continue), to look up in Zipkin. It is not stored with the order.
 */
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
        Instant updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String traceId) {

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
                order.updatedAt(),
                null);
    }

    /** This answer with the id of the order's trace. */
    OrderResponse withTraceId(String traceId) {
        return new OrderResponse(
                id,
                customerId,
                status,
                totalAmount,
                currency,
                items,
                cancellationReason,
                saga,
                createdAt,
                updatedAt,
                traceId);
    }
}
