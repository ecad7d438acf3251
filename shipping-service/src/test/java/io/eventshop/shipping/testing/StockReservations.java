package io.eventshop.shipping.testing;

import io.eventshop.events.inventory.ReservedLine;
import io.eventshop.events.inventory.StockReserved;
import io.eventshop.events.order.ShippingAddress;
import java.util.List;
import java.util.UUID;

/** Builds the StockReserved of a test order: {@code StockReservations.aReservation().to("AQ").reserved()}. */
public final class StockReservations {

    private final UUID orderId = UUID.randomUUID();
    private String country = "DE";

    private StockReservations() {}

    public static StockReservations aReservation() {
        return new StockReservations();
    }

    public StockReservations to(String country) {
        this.country = country;
        return this;
    }

    public StockReserved reserved() {
        return new StockReserved(
                orderId,
                UUID.randomUUID(),
                "c-42",
                List.of(new ReservedLine("SKU-1001", 2)),
                new ShippingAddress("Ada", "1 Main St", "Berlin", "10115", country));
    }
}
