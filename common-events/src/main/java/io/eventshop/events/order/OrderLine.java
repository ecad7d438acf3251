package io.eventshop.events.order;

import io.eventshop.events.Fields;
import java.math.BigDecimal;

/** One line of a placed order: a quantity of one sku at the unit price the order was placed with. */
public record OrderLine(String sku, int quantity, BigDecimal unitPrice) {

    public OrderLine {
        Fields.notBlank(sku, "sku");
        Fields.positive(quantity, "quantity");
        Fields.money(unitPrice, "unitPrice");
    }

    /** The price of the whole line: quantity times unit price. */
    public BigDecimal lineTotal() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
