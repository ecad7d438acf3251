package io.eventshop.order.application;

import io.eventshop.order.domain.OrderId;
import java.util.Optional;

/** The Idempotency-Key of each placed order, with the fingerprint of the request that placed it. */
public interface IdempotencyKeys {

    /**
     * Claims {@code key} for a new order, in the current transaction. A concurrent claim of the same key waits until
     * this transaction ends.
     *
     * @return empty when the key is now this request's; otherwise the earlier request that holds it
     */
    Optional<Claim> claim(String key, String fingerprint, OrderId orderId);

    /** The request that holds a key: its fingerprint and the order it placed. */
    record Claim(String fingerprint, OrderId orderId) {}
}
