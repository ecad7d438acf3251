package io.eventshop.shipping.application;

import io.eventshop.messaging.problem.NotFoundException;
import io.eventshop.shipping.domain.OrderId;
import io.eventshop.shipping.domain.Shipment;
import io.eventshop.shipping.domain.ShipmentId;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads shipments. */
@Service
@Transactional(readOnly = true)
public class ShipmentLookup {

    private final Shipments shipments;

    ShipmentLookup(Shipments shipments) {
        this.shipments = shipments;
    }

    /** @throws NotFoundException if no shipment has {@code id} */
    public Shipment get(ShipmentId id) {
        return shipments.find(id).orElseThrow(() -> new NotFoundException("shipment", id.value()));
    }

    public List<Shipment> ofOrder(OrderId orderId) {
        return shipments.findByOrder(orderId);
    }
}
