package io.eventshop.inventory.catalog.persistence;

import io.eventshop.inventory.catalog.domain.Money;
import io.eventshop.inventory.catalog.domain.Product;
import io.eventshop.inventory.catalog.domain.Products;
import io.eventshop.inventory.catalog.domain.Sku;
import io.eventshop.inventory.catalog.domain.Stock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code product} table: one row per sku, with its price and its stock. */
@Repository
class JdbcProducts implements Products {

    private static final String SELECT =
            "select sku, name, price, currency, available, reserved, received from product";

    private final JdbcClient jdbc;

    JdbcProducts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Product> findAll() {
        return jdbc.sql(SELECT + " order by sku").query(JdbcProducts::product).list();
    }

    @Override
    public Optional<Product> find(Sku sku) {
        return jdbc.sql(SELECT + " where sku = ?")
                .param(sku.value())
                .query(JdbcProducts::product)
                .optional();
    }

    @Override
    public Optional<Product> lock(Sku sku) {
        return jdbc.sql(SELECT + " where sku = ? for update")
                .param(sku.value())
                .query(JdbcProducts::product)
                .optional();
    }

    @Override
    public List<Product> lockAll(Collection<Sku> skus) {
        String[] values = skus.stream().map(Sku::value).sorted().toArray(String[]::new);
        return jdbc.sql(SELECT + " where sku = any(?) order by sku for update")
                .param(values)
                .query(JdbcProducts::product)
                .list();
    }

    @Override
    public void save(Collection<Product> products) {
        for (Product product : products) {
            Stock stock = product.stock();
            jdbc.sql("update product set price = ?, available = ?, reserved = ?, received = ? where sku = ?")
                    .params(
                            product.price().amount(),
                            stock.available(),
                            stock.reserved(),
                            stock.received(),
                            product.sku().value())
                    .update();
        }
    }

    private static Product product(ResultSet rs, int row) throws SQLException {
        return new Product(
                new Sku(rs.getString("sku")),
                rs.getString("name"),
                new Money(rs.getBigDecimal("price"), Currency.getInstance(rs.getString("currency"))),
                new Stock(rs.getInt("available"), rs.getInt("reserved"), rs.getInt("received")));
    }
}
