package io.eventshop.shipping.persistence;

import io.eventshop.shipping.application.Shipments;
import io.eventshop.shipping.domain.OrderId;
import io.eventshop.shipping.domain.Shipment;
import io.eventshop.shipping.domain.ShipmentId;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Repository;

/** The {@code shipment} table, one row per order (its {@code order_id} is unique). */
@Repository
class JpaShipments implements Shipments {

    private final ShipmentRepository repository;

    JpaShipments(ShipmentRepository repository) {
        this.repository = repository;
    }

    @Override
    public Optional<Shipment> find(ShipmentId id) {
        return repository.findById(id);
    }

    @Override
    public List<Shipment> findByOrder(OrderId orderId) {
        return repository.findByOrderId(orderId);
    }

    @Override
    public void add(Shipment shipment) {
        repository.save(shipment);
    }

    @Override
    public void save(Shipment shipment) {
        repository.save(shipment);
    }
}
