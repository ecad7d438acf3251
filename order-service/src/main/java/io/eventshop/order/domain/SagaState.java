package io.eventshop.order.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The state of an order's saga, kept with the order: the current step, every step with its time, and the reason of
 * the failure that started the compensations, if one did. Only the {@link Order} changes it.
 */
public final class SagaState {

    private SagaStep step;
    private final List<StepRecord> steps;
    private @Nullable String failureReason;

    private SagaState(SagaStep step, List<StepRecord> steps, @Nullable String failureReason) {
        this.step = step;
        this.steps = new ArrayList<>(steps);
        this.failureReason = failureReason;
    }

    /** The saga of an order placed at {@code at}. */
    static SagaState startedAt(Instant at) {
        return new SagaState(SagaStep.ORDER_PLACED, List.of(new StepRecord(SagaStep.ORDER_PLACED, at)), null);
    }

    /** Rebuilds the saga from what was stored. */
    public static SagaState restore(SagaStep step, List<StepRecord> steps, @Nullable String failureReason) {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a saga has at least the step ORDER_PLACED");
        }
        return new SagaState(step, steps, failureReason);
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
        return steps.stream().anyMatch(record -> record.step() == happened);
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
