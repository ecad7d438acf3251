package io.eventshop.inventory.application;

import io.eventshop.inventory.domain.Money;
import io.eventshop.inventory.domain.Product;
import io.eventshop.inventory.domain.Sku;
import io.eventshop.messaging.problem.NotFoundException;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the catalogue, restocks its products and reprices them. A new price is announced with ProductPriceChanged in
 * the transaction that stores it: the product registers the event, this publishes it, and the messaging adapter adds
 * it to the outbox before the commit.
 */
@Service
public class Catalogue {

    private final Products products;
    private final ApplicationEventPublisher events;

    Catalogue(Products products, ApplicationEventPublisher events) {
        this.products = products;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public List<Product> all() {
        return products.findAll();
    }

    /** @throws NotFoundException if no product has {@code sku} */
    @Transactional(readOnly = true)
    public Product get(Sku sku) {
        return products.find(sku).orElseThrow(() -> notFound(sku));
    }

    /**
     * Adds {@code quantity} received units to the product's stock.
     *
     * @throws NotFoundException if no product has {@code sku}
     */
    @Transactional
    public Product restock(Sku sku, int quantity) {
        Product product = products.lock(sku).orElseThrow(() -> notFound(sku));
        product.restock(quantity);
        products.save(Set.of(product));
        return product;
    }

    /**
     * Sets the product's price and announces it with ProductPriceChanged, in the same transaction; an unchanged price
     * is not announced again. The row lock serializes the reprices of one sku, so their events keep their order.
     *
     * @throws NotFoundException if no product has {@code sku}
     */
    @Transactional
    public Product reprice(Sku sku, Money price) {
        Product product = products.lock(sku).orElseThrow(() -> notFound(sku));
        product.reprice(price);
        products.save(Set.of(product));
        product.releaseEvents().forEach(events::publishEvent);
        return product;
    }

    private static NotFoundException notFound(Sku sku) {
        return new NotFoundException("product", sku.value());
    }
}
