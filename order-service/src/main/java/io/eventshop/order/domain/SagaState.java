package io.eventshop.order.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The state of an order's saga, kept with the order: the current step ({@code customer_order.saga_step}), every step
 * with its time (the rows of {@code saga_step}, numbered by {@code seq}), and the reason of the failure that started
 * the compensations, if one did. Only the {@link Order} changes it. The history only grows, so saving an order inserts
 * the new steps and rewrites none.
 */
@Embeddable
public class SagaState {

    @Enumerated(EnumType.STRING)
    @Column(name = "saga_step")
    private SagaStep step;

    @ElementCollection
    @CollectionTable(name = "saga_step", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "seq")
    private List<StepRecord> steps;

    private @Nullable String failureReason;

    /** For JPA. */
    protected SagaState() {
        this.step = SagaStep.ORDER_PLACED;
        this.steps = new ArrayList<>();
    }

    private SagaState(SagaStep step, List<StepRecord> steps) {
        this.step = step;
        this.steps = new ArrayList<>(steps);
    }

    /** The saga of an order placed at {@code at}. */
    static SagaState startedAt(Instant at) {
        return new SagaState(SagaStep.ORDER_PLACED, List.of(new StepRecord(SagaStep.ORDER_PLACED, at)));
    }

    /** Notes the step in the history and makes it the current one. */
    void advance(SagaStep next, Instant at) {
        note(next, at);
        step = next;
    }

    /** Notes the step in the history only. */
    void note(SagaStep happened, Instant at) {
        steps.add(new StepRecord(happened, at));
    }

    void fail(String reason) {
        failureReason = reason;
    }

    /** Whether the step happened. */
    public boolean has(SagaStep happened) {
        for (StepRecord record : steps) {
            if (record.step() == happened) {
                return true;
            }
        }
        return false;
    }

    /** Whether a step failed and the other services are undoing what they did. */
    public boolean isCompensating() {
        return failureReason != null;
    }

    public SagaStep step() {
        return step;
    }

    /** Every step, in the order they happened. */
    public List<StepRecord> steps() {
        return List.copyOf(steps);
    }

    public @Nullable String failureReason() {
        return failureReason;
    }
}
