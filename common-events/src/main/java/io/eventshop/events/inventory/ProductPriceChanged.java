package io.eventshop.events.inventory;

import io.eventshop.events.Fields;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

/**
 * A product was created or repriced. order-service keeps a replica of prices from these events (event-carried state
 * transfer). It belongs to no order, so it is ordered by its sku.
 */
public record ProductPriceChanged(String sku, String name, BigDecimal price, String currency)
        implements InventoryEvent {

    public ProductPriceChanged {
        Fields.notBlank(sku, "sku");
        Fields.notBlank(name, "name");
        Fields.money(price, "price");
        Fields.currency(currency, "currency");
    }

    /** Always null: a catalogue event belongs to no order. */
    @Override
    public UUID orderId() {
        return null;
    }

    @Override
    public String orderingKey() {
        return sku;
    }

    @Override
    public Optional<BigDecimal> monetaryAmount() {
        return Optional.of(price);
    }
}
