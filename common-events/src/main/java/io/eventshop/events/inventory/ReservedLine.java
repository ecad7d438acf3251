package io.eventshop.events.inventory;

import io.eventshop.events.Fields;

/** A quantity of one sku held for an order. */
public record ReservedLine(String sku, int quantity) {

    public ReservedLine {
        Fields.notBlank(sku, "sku");
        Fields.positive(quantity, "quantity");
    }
}
