package io.eventshop.order.persistence;

import io.eventshop.order.application.PriceReplica;
import io.eventshop.order.domain.Money;
import io.eventshop.order.domain.ProductPrice;
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
 * The {@code product_price} table, on JdbcClient because the SQL is the lesson: the replica keeps the latest price of
 * each sku with one conditional upsert ({@code on conflict ... do update ... where}), which ignores a change older
 * than the stored one without reading it first.
 */
@Repository
class JdbcPriceReplica implements PriceReplica {

    private static final Logger log = LoggerFactory.getLogger(JdbcPriceReplica.class);

    private final JdbcClient jdbc;

    JdbcPriceReplica(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
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

    @Override
    public boolean replicate(ProductPrice price, Instant changedAt) {
        int updated = jdbc.sql("""
                        insert into product_price (sku, name, price, currency, updated_at) values (?, ?, ?, ?, ?)
                        on conflict (sku) do update
                           set name = excluded.name, price = excluded.price, currency = excluded.currency,
                               updated_at = excluded.updated_at
                         where product_price.updated_at <= excluded.updated_at
                        """)
                .params(
                        price.sku().value(),
                        price.name(),
                        price.price().amount(),
                        price.price().currency(),
                        Timestamp.from(changedAt))
                .update();
        if (updated == 0) {
            log.info("Ignored a price of {} that changed at {}, before the stored one", price.sku(), changedAt);
        }
        return updated == 1;
    }
}
