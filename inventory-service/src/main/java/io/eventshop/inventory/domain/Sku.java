package io.eventshop.inventory.domain;

import jakarta.persistence.Embeddable;
import java.io.Serializable;

/** The stock-keeping unit that identifies a product, such as {@code SKU-1001}. */
@Embeddable
public record Sku(String value) implements Serializable {

    public Sku {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("sku must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
