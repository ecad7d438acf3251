package io.eventshop.shipping.web;

import io.eventshop.shipping.application.ShipmentLookup;
import io.eventshop.shipping.domain.OrderId;
import io.eventshop.shipping.domain.ShipmentId;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The shipments, by id and by order. */
@RestController
@RequestMapping("/shipments")
class ShipmentController {

    private final ShipmentLookup shipments;

    ShipmentController(ShipmentLookup shipments) {
        this.shipments = shipments;
    }

    @GetMapping("/{id}")
    ShipmentResponse one(@PathVariable UUID id) {
        return ShipmentResponse.of(shipments.get(new ShipmentId(id)));
    }

    @GetMapping
    List<ShipmentResponse> ofOrder(@RequestParam UUID orderId) {
        return shipments.ofOrder(new OrderId(orderId)).stream()
                .map(ShipmentResponse::of)
                .toList();
    }
}
