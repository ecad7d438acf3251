package io.eventshop.order.domain;

import java.util.Objects;

/** A stock keeping unit: the catalogue's identity of a product, such as {@code SKU-1001}. */
public record Sku(String value) {

    public Sku {
        Objects.requireNonNull(value, "a sku needs a value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a sku must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
