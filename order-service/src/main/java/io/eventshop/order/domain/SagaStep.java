package io.eventshop.order.domain;

/** A step of an order's saga, as order-service learned of it; each one has the status it shows in the API. */
public enum SagaStep {
    ORDER_PLACED(StepStatus.DONE),
    PAYMENT_AUTHORIZED(StepStatus.DONE),
    PAYMENT_DECLINED(StepStatus.FAILED),
    STOCK_RESERVED(StepStatus.DONE),
    STOCK_RESERVATION_FAILED(StepStatus.FAILED),
    SHIPMENT_SCHEDULED(StepStatus.DONE),
    SHIPMENT_FAILED(StepStatus.FAILED),
    CANCELLATION_REQUESTED(StepStatus.STARTED),
    COMPENSATING(StepStatus.STARTED),
    STOCK_RELEASED(StepStatus.COMPENSATED),
    PAYMENT_REFUNDED(StepStatus.COMPENSATED),
    PAYMENT_REFUND_FAILED(StepStatus.FAILED),
    CONFIRMED(StepStatus.DONE),
    CANCELLED(StepStatus.DONE);

    private final StepStatus status;

    SagaStep(StepStatus status) {
        this.status = status;
    }

    public StepStatus status() {
        return status;
    }

    /** How a step ended. */
    public enum StepStatus {
        /** It succeeded, or the saga reached an end. */
        DONE,
        /** It failed: compensations follow. */
        FAILED,
        /** It began and waits for the other services (a cancellation, compensations). */
        STARTED,
        /** It undid an earlier step. */
        COMPENSATED
    }
}
