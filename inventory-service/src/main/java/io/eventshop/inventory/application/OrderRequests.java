package io.eventshop.inventory.application;

import io.eventshop.inventory.domain.OrderId;
import io.eventshop.inventory.domain.OrderRequest;
import java.util.Optional;

/** The stored order requests, one per order: what OrderPlaced asked for, until the payment is authorized. */
public interface OrderRequests {

    /** Stores the request, unless the order's request is stored already. */
    void addIfAbsent(OrderRequest request);

    Optional<OrderRequest> find(OrderId orderId);
}
