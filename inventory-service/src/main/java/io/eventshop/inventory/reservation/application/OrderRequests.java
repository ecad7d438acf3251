package io.eventshop.inventory.reservation.application;

import java.util.Optional;
import java.util.UUID;

/** The stored order requests, one per order. */
public interface OrderRequests {

    /** Stores the request, unless the order's request is stored already. */
    void addIfAbsent(OrderRequest request);

    Optional<OrderRequest> find(UUID orderId);
}
