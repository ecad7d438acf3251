package io.eventshop.shipping.shipment.application;

import io.eventshop.shipping.shipment.domain.Shipment;
import io.eventshop.shipping.shipment.domain.ShipmentId;
import io.eventshop.shipping.shipment.domain.Shipments;
import java.util.List;
import java.util.UUID;
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

    /** @throws ShipmentNotFoundException if no shipment has {@code id} */
    public Shipment get(ShipmentId id) {
        return shipments.find(id).orElseThrow(() -> new ShipmentNotFoundException(id));
    }

    public List<Shipment> ofOrder(UUID orderId) {
        return shipments.findByOrder(orderId);
    }
}
