package io.eventshop.inventory.catalog.domain;

/** The stock-keeping unit that identifies a product, such as {@code SKU-1001}. */
public record Sku(String value) {

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
