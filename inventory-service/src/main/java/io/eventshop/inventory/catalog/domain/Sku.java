package io.eventshop.inventory.catalog.domain;

/** The stock-keeping unit that identifies a product, such as {@code SKU-1001}. */
public record Sku(String value) implements Comparable<Sku> {

    public Sku {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("sku must not be blank");
        }
    }

    @Override
    public int compareTo(Sku other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
