package io.eventshop.order.catalog;

import io.eventshop.order.domain.Money;
import io.eventshop.order.domain.Sku;
import java.util.Objects;

/** The price of a product, as inventory-service last published it. */
public record ProductPrice(Sku sku, String name, Money price) {

    public ProductPrice {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(price, "price");
    }
}
