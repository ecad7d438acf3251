package io.eventshop.order.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Test data: {@code Orders.anOrder().withItem("SKU-1", 2).build()}, or a placed order at a step of its saga. */
public final class Orders {

    public static final Instant PLACED_AT = Instant.parse("2026-11-22T10:00:00Z");

    private final List<OrderLine> lines = new ArrayList<>();
    private String customerId = "c-42";
    private String country = "DE";

    private Orders() {}

    public static Orders anOrder() {
        return new Orders();
    }

    public Orders withItem(String sku, int quantity) {
        return withItem(sku, quantity, "19.99");
    }

    public Orders withItem(String sku, int quantity, String unitPrice) {
        lines.add(new OrderLine(new Sku(sku), quantity, Money.of(unitPrice, "EUR")));
        return this;
    }

    public Orders forCustomer(String customerId) {
        this.customerId = customerId;
        return this;
    }

    public Orders shippedTo(String country) {
        this.country = country;
        return this;
    }

    /** A freshly placed order, with its OrderPlaced still to release. */
    public Order build() {
        if (lines.isEmpty()) {
            withItem("SKU-1001", 2);
        }
        return Order.place(
                OrderId.newId(),
                customerId,
                lines,
                "tok_visa",
                new ShippingAddress("Ada", "1 Main St", "Berlin", "10115", country),
                PLACED_AT);
    }

    /** A placed order whose OrderPlaced has been released, as it is after the transaction that placed it. */
    public Order placed() {
        Order order = build();
        order.releaseEvents();
        return order;
    }

    /** An order that payment authorized and inventory reserved: only the shipment is missing. */
    public Order reserved() {
        Order order = placed();
        order.paymentAuthorized(at(1));
        order.stockReserved(at(2));
        return order;
    }

    /** A moment {@code seconds} after the order was placed. */
    public static Instant at(int seconds) {
        return PLACED_AT.plusSeconds(seconds);
    }
}
