package io.eventshop.shipping.application;

import io.eventshop.shipping.domain.OrderId;
import io.eventshop.shipping.domain.Shipment;
import io.eventshop.shipping.domain.ShipmentId;
import java.util.List;
import java.util.Optional;

/** The stored shipments, at most one per order. */
public interface Shipments {

    Optional<Shipment> find(ShipmentId id);

    List<Shipment> findByOrder(OrderId orderId);

    void add(Shipment shipment);

    /**
     * Stores the shipment's new status and failure reason.
     *
     * @throws org.springframework.dao.OptimisticLockingFailureException at the latest when the transaction commits, if
     *     another transaction changed the shipment since it was read
     */
    void save(Shipment shipment);
}
