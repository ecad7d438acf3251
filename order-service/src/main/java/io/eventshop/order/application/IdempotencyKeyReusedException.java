package io.eventshop.order.application;

/** An Idempotency-Key came back with a request different from the one that first used it. */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException(String key) {
        super("Idempotency-Key " + key + " was already used for a different request");
    }
}
