package io.eventshop.order.catalog;

import io.eventshop.events.inventory.ProductPriceChanged;
import io.eventshop.order.domain.Money;
import io.eventshop.order.domain.Sku;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * order-service's replica of the catalogue's prices, fed by inventory's ProductPriceChanged events (event-carried
 * state transfer): placing an order reads prices here and never calls inventory.
 */
@Repository
public class PriceReplica {

    private static final Logger log = LoggerFactory.getLogger(PriceReplica.class);

    private final JdbcClient jdbc;

    PriceReplica(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The known prices of {@code skus}; a sku that is missing from the map is unknown. */
    public Map<Sku, ProductPrice> pricesOf(Collection<Sku> skus) {
        String[] values = skus.stream().map(Sku::value).distinct().toArray(String[]::new);
        return jdbc
                .sql("select sku, name, price, currency from product_price where sku = any(?)")
                .param(values)
                .query((rs, row) -> new ProductPrice(
                        new Sku(rs.getString("sku")),
                        rs.getString("name"),
                        new Money(rs.getBigDecimal("price"), rs.getString("currency"))))
                .list()
                .stream()
                .collect(Collectors.toMap(ProductPrice::sku, Function.identity()));
    }

    /**
     * Upserts the price. Events of one sku arrive in order (their message group is the sku), but a redriven dead
     * letter may be older than what is stored: a change that occurred before the stored one is ignored.
     */
    public void apply(ProductPriceChanged change, Instant occurredAt) {
        int updated = jdbc.sql("""
                        insert into product_price (sku, name, price, currency, updated_at) values (?, ?, ?, ?, ?)
                        on conflict (sku) do update
                           set name = excluded.name, price = excluded.price, currency = excluded.currency,
                               updated_at = excluded.updated_at
                         where product_price.updated_at <= excluded.updated_at
                        """)
                .params(change.sku(), change.name(), change.price(), change.currency(), Timestamp.from(occurredAt))
                .update();
        if (updated == 0) {
            log.info("Ignored a price of {} that occurred at {}, before the stored one", change.sku(), occurredAt);
        }
    }
}
