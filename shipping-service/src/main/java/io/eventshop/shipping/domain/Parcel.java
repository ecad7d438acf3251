package io.eventshop.shipping.domain;

import java.util.Objects;

/** A quantity of one sku in a shipment. */
public record Parcel(String sku, int quantity) {

    public Parcel {
        Objects.requireNonNull(sku, "sku");
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive, was " + quantity);
        }
    }
}
