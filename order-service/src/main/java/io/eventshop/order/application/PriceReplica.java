package io.eventshop.order.application;

import io.eventshop.order.domain.ProductPrice;
import io.eventshop.order.domain.Sku;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * order-service's replica of the catalogue's prices, fed by inventory's ProductPriceChanged events (event-carried
 * state transfer): placing an order reads prices here and never calls inventory. The port; persistence's
 * {@code JdbcPriceReplica} implements it with a conditional upsert.
 */
public interface PriceReplica {

    /** The known prices of {@code skus}; a sku that is missing from the map is unknown. */
    Map<Sku, ProductPrice> pricesOf(Collection<Sku> skus);

    /**
     * Stores the price that changed at {@code changedAt}, unless the stored one changed later: events of one sku
     * arrive in order (their message group is the sku), but a redriven dead letter may be older than what is stored.
     *
     * @return whether the price was stored
     */
    boolean replicate(ProductPrice price, Instant changedAt);
}
