package io.eventshop.shipping.persistence;

import io.eventshop.shipping.domain.OrderId;
import io.eventshop.shipping.domain.Shipment;
import io.eventshop.shipping.domain.ShipmentId;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Spring Data's repository of the {@code shipment} table. */
interface ShipmentRepository extends JpaRepository<Shipment, ShipmentId> {

    List<Shipment> findByOrderId(OrderId orderId);
}
