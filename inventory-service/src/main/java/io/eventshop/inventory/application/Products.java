package io.eventshop.inventory.application;

import io.eventshop.inventory.domain.Product;
import io.eventshop.inventory.domain.Sku;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The stored products. The methods that lock exist for changes of stock, which concurrent orders compete for. */
public interface Products {

    List<Product> findAll();

    Optional<Product> find(Sku sku);

    /** The product, locked until the current transaction ends. */
    Optional<Product> lock(Sku sku);

    /**
     * The products of {@code skus} that exist, locked until the current transaction ends. They are locked in sku order,
     * so two transactions that lock overlapping products never deadlock.
     */
    List<Product> lockAll(Collection<Sku> skus);

    /**
     * Holds the lock on adding products until the current transaction ends, so that two instances that start at once
     * do not both seed the catalogue.
     */
    void lockCatalogue();

    /** Stores new products. */
    void add(Collection<Product> products);

    /** Stores the price and the stock of the products. */
    void save(Collection<Product> products);
}
