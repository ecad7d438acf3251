package io.eventshop.order.domain;

import java.util.Objects;

/**
 * The price of a product, as inventory-service last published it: what order-service's replica of the catalogue
 * keeps, so that placing an order never calls inventory.
 */
public record ProductPrice(Sku sku, String name, Money price) {

    public ProductPrice {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(price, "price");
    }
}
