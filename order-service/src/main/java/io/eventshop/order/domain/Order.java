package io.eventshop.order.domain;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An order and the state of its saga. Each method that reacts to a step of the saga checks where the order stands,
 * changes it, and registers the domain event that the change publishes ({@link #releaseEvents()}); the table in
 * {@code docs/saga.md} is the specification.
 *
 * <p>Every reaction tolerates duplicates and stale events: it returns {@code true} when it changed the order, and
 * {@code false} when the event no longer applies. No stale event needs a compensation from order-service, because the
 * service that published it compensates on its own (see each method), so {@code false} is a no-op that the caller
 * logs.
 *
 * <p>The order is a JPA entity on the tables {@code customer_order}, {@code order_line} and {@code saga_step}. Its
 * {@code version} makes concurrent changes optimistic: an event handler, a customer's cancellation and the deadline job
 * may read the same order at once, and of two that change it, the second to commit fails and is done again.
 */
@Entity
@Table(name = "customer_order")
public class Order {

    @EmbeddedId
    @AttributeOverride(name = "value", column = @Column(name = "id"))
    private OrderId id;

    private String customerId;

    @ElementCollection
    @CollectionTable(name = "order_line", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "line_no")
    @AttributeOverride(name = "unitPrice.amount", column = @Column(name = "unit_price"))
    private List<OrderLine> lines;

    @Embedded
    @AttributeOverride(name = "amount", column = @Column(name = "total_amount"))
    private Money total;

    @Embedded
    @AttributeOverride(name = "name", column = @Column(name = "ship_to_name"))
    @AttributeOverride(name = "street", column = @Column(name = "ship_to_street"))
    @AttributeOverride(name = "city", column = @Column(name = "ship_to_city"))
    @AttributeOverride(name = "postalCode", column = @Column(name = "ship_to_postal_code"))
    @AttributeOverride(name = "country", column = @Column(name = "ship_to_country"))
    private ShippingAddress shippingAddress;

    private Instant createdAt;

    @Enumerated(EnumType.STRING)
    private OrderStatus status;

    @Embedded
    private SagaState saga;

    private @Nullable String cancellationReason;

    private Instant updatedAt;

    /** Null until the order is first stored, which is how Spring Data tells a new order from a stored one. */
    @Version
    private @Nullable Long version;

    @Transient
    private final List<OrderEvent> events = new ArrayList<>();

    /** For JPA. */
    protected Order() {}

    private Order(
            OrderId id,
            String customerId,
            List<OrderLine> lines,
            String paymentToken,
            ShippingAddress shippingAddress,
            Instant placedAt) {
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
        this.lines = new ArrayList<>(lines);
        this.total = lines.stream()
                .map(OrderLine::total)
                .reduce(Money.zero(lines.getFirst().unitPrice().currency()), Money::plus);
        this.shippingAddress = Objects.requireNonNull(shippingAddress, "shippingAddress");
        this.createdAt = placedAt;
        this.status = OrderStatus.PENDING;
        this.saga = SagaState.startedAt(placedAt);
        this.updatedAt = placedAt;
    }

    /**
     * Places a new order, PENDING, and registers OrderPlaced, which starts the saga. The payment token travels in that
     * event only: the order does not keep it.
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
        var order = new Order(id, customerId, lines, paymentToken, shippingAddress, now);
        order.events.add(new OrderPlaced(id, customerId, order.lines(), order.total, paymentToken, shippingAddress));
        return order;
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
        events.add(new OrderCancellationRequested(id, customerId, reason));
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

    /** PENDING: CANCELLED with the reason (nothing was charged, so nothing to compensate); registers OrderCancelled. */
    public boolean paymentDeclined(String reason, Instant at) {
        if (status != OrderStatus.PENDING) {
            return false;
        }
        record(SagaStep.PAYMENT_DECLINED, at);
        saga.fail("payment declined: " + reason);
        cancel(at);
        return true;
    }

    /** PENDING or NEEDS_ATTENTION: the last compensation is done, so CANCELLED; registers OrderCancelled. */
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
     * PENDING and not cancelling: CONFIRMED; registers OrderConfirmed. Cancelling: the step is noted and nothing else
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
        events.add(new OrderConfirmed(id, customerId, total));
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
        events.add(new OrderCancelled(id, customerId, Objects.requireNonNull(cancellationReason)));
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

    /**
     * Whether the saga passed its deadline: the order is still PENDING {@code deadline} after it was placed, with no
     * cancellation under way and no shipment scheduled. The one rule of the saga's deadline: the job that applies it
     * only preselects PENDING orders placed before {@code now - deadline}, and asks each one.
     */
    public boolean isOverdue(Instant now, Duration deadline) {
        return status == OrderStatus.PENDING
                && !isCancelling()
                && !isShipmentScheduled()
                && createdAt.plus(deadline).isBefore(now);
    }

    /** Whether a cancellation was requested and the order waits for the compensations. */
    public boolean isCancelling() {
        return status == OrderStatus.PENDING && has(SagaStep.CANCELLATION_REQUESTED);
    }

    /** Whether shipping reported the shipment as scheduled; the order can no longer be cancelled then. */
    public boolean isShipmentScheduled() {
        return has(SagaStep.SHIPMENT_SCHEDULED);
    }

    /**
     * The events registered since the last call, in the order they happened, and forgets them: the application
     * service publishes them in the transaction that saves the order.
     */
    public List<OrderEvent> releaseEvents() {
        List<OrderEvent> registered = List.copyOf(events);
        events.clear();
        return registered;
    }

    public OrderId id() {
        return id;
    }

    public String customerId() {
        return customerId;
    }

    public List<OrderLine> lines() {
        return List.copyOf(lines);
    }

    public Money total() {
        return total;
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
