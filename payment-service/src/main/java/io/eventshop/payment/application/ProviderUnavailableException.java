package io.eventshop.payment.application;

/**
 * The payment provider gave no answer: it was unreachable, failed, took too long, or its circuit breaker is open. The
 * call has no effect that a retry with the same idempotency key could repeat, so it may be retried.
 */
public class ProviderUnavailableException extends RuntimeException {

    public ProviderUnavailableException(String message) {
        super(message);
    }

    public ProviderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
