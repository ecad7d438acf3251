package io.eventshop.inventory.domain;

import java.util.Objects;

/**
 * What happened to a product, as the product registers it. The messaging adapter turns each one into the shared
 * contract of the same name and adds it to the outbox, in the transaction that changed the product.
 */
public sealed interface ProductEvent {

    Sku sku();

    /** The product got its first price, or a new one. */
    record ProductPriceChanged(Sku sku, String name, Money price) implements ProductEvent {

        public ProductPriceChanged {
            Objects.requireNonNull(sku, "sku");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(price, "price");
        }
    }
}
