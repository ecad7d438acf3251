package io.eventshop.shipping.shipment.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The stored shipments, at most one per order. */
public interface Shipments {

    Optional<Shipment> find(ShipmentId id);

    List<Shipment> findByOrder(UUID orderId);

    /** The order's shipment, locked until the current transaction ends. */
    Optional<Shipment> lockByOrder(UUID orderId);

    void add(Shipment shipment);

    /** Stores the shipment's new status and failure reason. */
    void save(Shipment shipment);
}
