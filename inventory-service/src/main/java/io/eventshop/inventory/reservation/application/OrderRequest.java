package io.eventshop.inventory.reservation.application;

import io.eventshop.events.order.OrderPlaced;
import io.eventshop.events.order.ShippingAddress;
import io.eventshop.inventory.catalog.domain.Sku;
import io.eventshop.inventory.reservation.domain.ReservationLine;
import java.util.List;
import java.util.UUID;

/**
 * What inventory keeps of an OrderPlaced: the lines to reserve once the payment is authorized, and the customer and
 * address that StockReserved carries on to shipping.
 */
public record OrderRequest(UUID orderId, String customerId, List<ReservationLine> lines, ShippingAddress address) {

    public OrderRequest {
        lines = List.copyOf(lines);
    }

    static OrderRequest of(OrderPlaced event) {
        return new OrderRequest(
                event.orderId(),
                event.customerId(),
                event.lines().stream()
                        .map(line -> new ReservationLine(new Sku(line.sku()), line.quantity()))
                        .toList(),
                event.shippingAddress());
    }
}
