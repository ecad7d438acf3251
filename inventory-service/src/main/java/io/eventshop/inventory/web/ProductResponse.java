package io.eventshop.inventory.web;

import io.eventshop.inventory.domain.Product;
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
