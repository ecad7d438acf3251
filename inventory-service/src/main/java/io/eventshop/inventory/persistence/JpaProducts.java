package io.eventshop.inventory.persistence;

import io.eventshop.inventory.application.Products;
import io.eventshop.inventory.domain.Product;
import io.eventshop.inventory.domain.Sku;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code product} table: one row per sku, with its price, its stock and its version. Stock is changed under a row
 * lock, taken in sku order, so that concurrent orders for the same product wait for each other rather than fail on
 * the version.
 */
@Repository
class JpaProducts implements Products {

    private final ProductRepository repository;
    private final JdbcClient jdbc;

    JpaProducts(ProductRepository repository, JdbcClient jdbc) {
        this.repository = repository;
        this.jdbc = jdbc;
    }

    @Override
    public List<Product> findAll() {
        return repository.findAllInSkuOrder();
    }

    @Override
    public Optional<Product> find(Sku sku) {
        return repository.findById(sku);
    }

    @Override
    public Optional<Product> lock(Sku sku) {
        return repository.lockBySku(sku.value());
    }

    @Override
    public List<Product> lockAll(Collection<Sku> skus) {
        return repository.lockAllInSkuOrder(
                skus.stream().map(Sku::value).distinct().toArray(String[]::new));
    }

    /** A PostgreSQL advisory lock, released by the commit or the rollback: there is no row to lock before the seed. */
    @Override
    public void lockCatalogue() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('product catalogue'))")
                .query()
                .singleRow();
    }

    @Override
    public void add(Collection<Product> products) {
        repository.saveAll(products);
    }

    @Override
    public void save(Collection<Product> products) {
        repository.saveAll(products);
    }
}
