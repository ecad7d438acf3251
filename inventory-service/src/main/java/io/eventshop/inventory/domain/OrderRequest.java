package io.eventshop.inventory.domain;

import java.util.List;
import java.util.Objects;

/**
 * What inventory keeps of an OrderPlaced: the lines to reserve once the payment is authorized, and the customer and
 * address that StockReserved carries on to shipping.
 */
public record OrderRequest(OrderId orderId, String customerId, List<ReservationLine> lines, ShippingAddress address) {

    public OrderRequest {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(address, "address");
        lines = List.copyOf(lines);
    }

    public List<Sku> skus() {
        return lines.stream().map(ReservationLine::sku).toList();
    }
}
