package io.eventshop.inventory.catalog.application;

import io.eventshop.events.inventory.ProductPriceChanged;
import io.eventshop.inventory.catalog.domain.Money;
import io.eventshop.inventory.catalog.domain.Product;
import io.eventshop.inventory.catalog.domain.Products;
import io.eventshop.inventory.catalog.domain.Sku;
import io.eventshop.messaging.outbox.Outbox;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the catalogue, restocks its products and reprices them. */
@Service
public class Catalogue {

    private final Products products;
    private final Outbox outbox;

    Catalogue(Products products, Outbox outbox) {
        this.products = products;
        this.outbox = outbox;
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
        products.save(Set.of(product));
        return product;
    }

    /**
     * Sets the product's price and announces it with ProductPriceChanged, in the same transaction; an unchanged price
     * is not announced again. The row lock serializes the reprices of one sku, so their events keep their order.
     *
     * @throws ProductNotFoundException if no product has {@code sku}
     */
    @Transactional
    public Product reprice(Sku sku, Money price) {
        Product product = products.lock(sku).orElseThrow(() -> new ProductNotFoundException(sku));
        if (product.reprice(price)) {
            products.save(Set.of(product));
            outbox.add(priceChanged(product), UUID.randomUUID(), null);
        }
        return product;
    }

    private static ProductPriceChanged priceChanged(Product product) {
        return new ProductPriceChanged(
                product.sku().value(),
                product.name(),
                product.price().amount(),
                product.price().currency().getCurrencyCode());
    }
}
