package io.eventshop.inventory.catalog.web;

import io.eventshop.inventory.catalog.domain.Product;
import java.math.BigDecimal;

/** A product as the API shows it. */
record ProductResponse(String sku, String name, BigDecimal price, String currency, int available, int reserved) {

    static ProductResponse of(Product product) {
        return new ProductResponse(
                product.sku().value(),
                product.name(),
                product.price().amount(),
                product.price().currency().getCurrencyCode(),
                product.stock().available(),
                product.stock().reserved());
    }
}
