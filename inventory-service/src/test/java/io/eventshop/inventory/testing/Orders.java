package io.eventshop.inventory.testing;

import io.eventshop.events.order.OrderLine;
import io.eventshop.events.order.OrderPlaced;
import io.eventshop.events.order.ShippingAddress;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Builds the OrderPlaced of a test order: {@code Orders.anOrder().withLine("SKU-1001", 2).placed()}. */
public final class Orders {

    private final UUID orderId = UUID.randomUUID();
    private final List<OrderLine> lines = new ArrayList<>();

    private Orders() {}

    public static Orders anOrder() {
        return new Orders();
    }

    public Orders withLine(String sku, int quantity) {
        lines.add(new OrderLine(sku, quantity, new BigDecimal("10.00")));
        return this;
    }

    public OrderPlaced placed() {
        BigDecimal total = lines.stream().map(OrderLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new OrderPlaced(
                orderId,
                "c-42",
                lines,
                total,
                "EUR",
                "tok_visa",
                new ShippingAddress("Ada", "1 Main St", "Berlin", "10115", "DE"));
    }
}
