package io.eventshop.inventory.catalog.application;

import io.eventshop.inventory.catalog.domain.Product;
import io.eventshop.inventory.catalog.domain.Products;
import io.eventshop.inventory.catalog.domain.Sku;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the catalogue and restocks its products. */
@Service
public class Catalogue {

    private final Products products;

    Catalogue(Products products) {
        this.products = products;
    }

    @Transactional(readOnly = true)
    public List<Product> all() {
        return products.findAll();
    }

    /** @throws ProductNotFoundException if no product has {@code sku} */
    @Transactional(readOnly = true)
    public Product get(Sku sku) {
        return products.find(sku).orElseThrow(() -> new ProductNotFoundException(sku));
    }

    /**
     * Adds {@code quantity} received units to the product's stock.
     *
     * @throws ProductNotFoundException if no product has {@code sku}
     */
    @Transactional
    public Product restock(Sku sku, int quantity) {
        Product product = products.lock(sku).orElseThrow(() -> new ProductNotFoundException(sku));
        product.restock(quantity);
        products.saveStock(Set.of(product));
        return product;
    }
}
