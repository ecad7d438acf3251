package io.eventshop.order.domain;

import io.eventshop.events.order.OrderCancellationRequested;
import io.eventshop.events.order.OrderCancelled;
import io.eventshop.events.order.OrderConfirmed;
import io.eventshop.events.order.OrderEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An order and the state of its saga. Each method that reacts to a step of the saga checks where the order stands,
 * changes it, and records the integration event that the change publishes ({@link #pullEvents()}); the table in
 * {@code docs/saga.md} is the specification.
 *
 * <p>Every reaction tolerates duplicates and stale events: it returns {@code true} when it changed the order, and
 * {@code false} when the event no longer applies. No stale event needs a compensation from order-service, because the
 * service that published it compensates on its own (see each method), so {@code false} is a no-op that the caller
 * logs.
 */
public final class Order {

    private final OrderId id;
    private final String customerId;
    private final List<OrderLine> lines;
    private final Money total;
    private final String paymentToken;
    private final ShippingAddress shippingAddress;
    private final Instant createdAt;
    private OrderStatus status;
    private final SagaState saga;
    private @Nullable String cancellationReason;
    private Instant updatedAt;
    private final List<OrderEvent> events = new ArrayList<>();

    private Order(
            OrderId id,
            String customerId,
            List<OrderLine> lines,
            String paymentToken,
            ShippingAddress shippingAddress,
            Instant createdAt,
            OrderStatus status,
            SagaState saga,
            @Nullable String cancellationReason,
            Instant updatedAt) {
        this.id = Objects.requireNonNull(id, "id");
        if (customerId == null || customerId.isBlank()) {
            throw new IllegalArgumentException("customerId must not be blank");
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an order needs at least one line");
        }
        if (paymentToken == null || paymentToken.isBlank()) {
            throw new IllegalArgumentException("paymentToken must not be blank");
        }
        this.customerId = customerId;
        this.lines = List.copyOf(lines);
        this.total = lines.stream()
                .map(OrderLine::total)
                .reduce(Money.zero(lines.getFirst().unitPrice().currency()), Money::plus);
        this.paymentToken = paymentToken;
        this.shippingAddress = Objects.requireNonNull(shippingAddress, "shippingAddress");
        this.createdAt = createdAt;
        this.status = status;
        this.saga = Objects.requireNonNull(saga, "saga");
        this.cancellationReason = cancellationReason;
        this.updatedAt = updatedAt;
    }

    /**
     * Places a new order, PENDING, and records OrderPlaced, which starts the saga.
     *
     * @throws IllegalArgumentException if the lines are in more than one currency
     */
    public static Order place(
            OrderId id,
            String customerId,
            List<OrderLine> lines,
            String paymentToken,
            ShippingAddress shippingAddress,
            Instant now) {
        var order = new Order(
                id,
                customerId,
                lines,
                paymentToken,
                shippingAddress,
                now,
                OrderStatus.PENDING,
                SagaState.startedAt(now),
                null,
                now);
        order.events.add(OrderEventMapping.orderPlaced(order));
        return order;
    }

    /** Rebuilds an order from what was stored; it records no events. */
    public static Order restore(
            OrderId id,
            String customerId,
            List<OrderLine> lines,
            String paymentToken,
            ShippingAddress shippingAddress,
            Instant createdAt,
            OrderStatus status,
            SagaState saga,
            @Nullable String cancellationReason,
            Instant updatedAt) {
        return new Order(
                id,
                customerId,
                lines,
                paymentToken,
                shippingAddress,
                createdAt,
                status,
                saga,
                cancellationReason,
                updatedAt);
    }

    // --- The customer, or the saga deadline ---

    /**
     * Asks the other services to undo what they did: allowed while the order is PENDING and no shipment has been
     * scheduled. Asking again while the cancellation is under way changes nothing and returns {@code false}.
     *
     * @throws OrderCannotBeCancelledException if the order is not PENDING, or its shipment is scheduled
     */
    public boolean requestCancellation(String reason, Instant at) {
        if (status != OrderStatus.PENDING) {
            throw new OrderCannotBeCancelledException(id, "it is " + status);
        }
        if (has(SagaStep.SHIPMENT_SCHEDULED)) {
            throw new OrderCannotBeCancelledException(id, "its shipment is scheduled");
        }
        if (isCancelling()) {
            return false;
        }
        cancellationReason = reason;
        advance(SagaStep.CANCELLATION_REQUESTED, at);
        events.add(new OrderCancellationRequested(id.value(), customerId, reason));
        return true;
    }

    // --- Payment ---

    /** PENDING: step PAYMENT_AUTHORIZED. Otherwise stale: a cancelled order's payment is refunded by payment. */
    public boolean paymentAuthorized(Instant at) {
        if (status != OrderStatus.PENDING || has(SagaStep.PAYMENT_AUTHORIZED)) {
            return false;
        }
        advance(SagaStep.PAYMENT_AUTHORIZED, at);
        return true;
    }

    /** PENDING: CANCELLED with the reason (nothing was charged, so nothing to compensate); records OrderCancelled. */
    public boolean paymentDeclined(String reason, Instant at) {
        if (status != OrderStatus.PENDING) {
            return false;
        }
        record(SagaStep.PAYMENT_DECLINED, at);
        saga.fail("payment declined: " + reason);
        cancel(at);
        return true;
    }

    /** PENDING or NEEDS_ATTENTION: the last compensation is done, so CANCELLED; records OrderCancelled. */
    public boolean paymentRefunded(Instant at) {
        if (status != OrderStatus.PENDING && status != OrderStatus.NEEDS_ATTENTION) {
            return false;
        }
        record(SagaStep.PAYMENT_REFUNDED, at);
        cancel(at);
        return true;
    }

    /** PENDING: NEEDS_ATTENTION with the reason. Payment keeps retrying; its PaymentRefunded ends the order. */
    public boolean paymentRefundFailed(String reason, Instant at) {
        if (status != OrderStatus.PENDING) {
            return false;
        }
        advance(SagaStep.PAYMENT_REFUND_FAILED, at);
        status = OrderStatus.NEEDS_ATTENTION;
        saga.fail("refund failed: " + reason);
        return true;
    }

    // --- Inventory ---

    /** PENDING: step STOCK_RESERVED. Otherwise stale: inventory releases a cancelled order's stock on its own. */
    public boolean stockReserved(Instant at) {
        if (status != OrderStatus.PENDING || has(SagaStep.STOCK_RESERVED)) {
            return false;
        }
        advance(SagaStep.STOCK_RESERVED, at);
        return true;
    }

    /** PENDING: step COMPENSATING with the reason kept; the order waits for payment's refund. */
    public boolean stockReservationFailed(String reason, Instant at) {
        return compensate(SagaStep.STOCK_RESERVATION_FAILED, "stock reservation failed: " + reason, at);
    }

    /** Any state: step STOCK_RELEASED, for information; an ended order keeps its step and only notes it. */
    public boolean stockReleased(Instant at) {
        if (has(SagaStep.STOCK_RELEASED)) {
            return false;
        }
        if (status.isFinal()) {
            record(SagaStep.STOCK_RELEASED, at);
        } else {
            advance(SagaStep.STOCK_RELEASED, at);
        }
        return true;
    }

    // --- Shipping ---

    /**
     * PENDING and not cancelling: CONFIRMED; records OrderConfirmed. Cancelling: the step is noted and nothing else
     * happens, because shipping cancels the shipment itself on OrderCancellationRequested. Compensating (a step
     * failed): noted only, as the payment is being refunded.
     */
    public boolean shipmentScheduled(Instant at) {
        if (status != OrderStatus.PENDING || has(SagaStep.SHIPMENT_SCHEDULED)) {
            return false;
        }
        if (isCancelling() || saga.isCompensating()) {
            record(SagaStep.SHIPMENT_SCHEDULED, at);
            touch(at);
            return true;
        }
        record(SagaStep.SHIPMENT_SCHEDULED, at);
        status = OrderStatus.CONFIRMED;
        advance(SagaStep.CONFIRMED, at);
        events.add(new OrderConfirmed(id.value(), customerId, total.amount(), total.currency()));
        return true;
    }

    /** PENDING: step COMPENSATING; inventory releases, payment refunds, and the order waits for the refund. */
    public boolean shipmentFailed(String reason, Instant at) {
        return compensate(SagaStep.SHIPMENT_FAILED, "shipment failed: " + reason, at);
    }

    // --- The saga's bookkeeping ---

    private boolean compensate(SagaStep failure, String reason, Instant at) {
        if (status != OrderStatus.PENDING || has(failure)) {
            return false;
        }
        record(failure, at);
        saga.fail(reason);
        advance(SagaStep.COMPENSATING, at);
        return true;
    }

    private void cancel(Instant at) {
        status = OrderStatus.CANCELLED;
        if (cancellationReason == null) {
            cancellationReason = saga.failureReason();
        }
        advance(SagaStep.CANCELLED, at);
        events.add(new OrderCancelled(id.value(), customerId, Objects.requireNonNull(cancellationReason)));
    }

    /** Notes the step in the history and makes it the current one. */
    private void advance(SagaStep next, Instant at) {
        saga.advance(next, at);
        touch(at);
    }

    /** Notes the step in the history only. */
    private void record(SagaStep happened, Instant at) {
        saga.note(happened, at);
    }

    private void touch(Instant at) {
        updatedAt = at.isAfter(updatedAt) ? at : updatedAt;
    }

    private boolean has(SagaStep happened) {
        return saga.has(happened);
    }

    /** Whether a cancellation was requested and the order waits for the compensations. */
    public boolean isCancelling() {
        return status == OrderStatus.PENDING && has(SagaStep.CANCELLATION_REQUESTED);
    }

    /** Whether shipping reported the shipment as scheduled; the order can no longer be cancelled then. */
    public boolean isShipmentScheduled() {
        return has(SagaStep.SHIPMENT_SCHEDULED);
    }

    /** The events recorded since the last call, in the order they happened; they are to be added to the outbox. */
    public List<OrderEvent> pullEvents() {
        List<OrderEvent> recorded = List.copyOf(events);
        events.clear();
        return recorded;
    }

    public OrderId id() {
        return id;
    }

    public String customerId() {
        return customerId;
    }

    public List<OrderLine> lines() {
        return lines;
    }

    public Money total() {
        return total;
    }

    public String paymentToken() {
        return paymentToken;
    }

    public ShippingAddress shippingAddress() {
        return shippingAddress;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public OrderStatus status() {
        return status;
    }

    public SagaState saga() {
        return saga;
    }

    public @Nullable String cancellationReason() {
        return cancellationReason;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
