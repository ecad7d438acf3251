package io.eventshop.inventory.catalog.domain;

import java.util.Objects;

/** A product of the catalogue: what it is, what it costs, and how much of it is in stock. */
public final class Product {

    private final Sku sku;
    private final String name;
    private Money price;
    private Stock stock;

    public Product(Sku sku, String name, Money price, Stock stock) {
        this.sku = Objects.requireNonNull(sku, "sku");
        this.name = Objects.requireNonNull(name, "name");
        this.price = Objects.requireNonNull(price, "price");
        this.stock = Objects.requireNonNull(stock, "stock");
    }

    public boolean canReserve(int quantity) {
        return stock.canReserve(quantity);
    }

    public void reserve(int quantity) {
        stock = stock.reserve(quantity);
    }

    public void release(int quantity) {
        stock = stock.release(quantity);
    }

    public void commit(int quantity) {
        stock = stock.commit(quantity);
    }

    public void restock(int quantity) {
        stock = stock.restock(quantity);
    }

    /**
     * Sets a new price in the same currency.
     *
     * @return whether the price changed, so that an unchanged price is not announced again
     */
    public boolean reprice(Money newPrice) {
        if (!newPrice.currency().equals(price.currency())) {
            throw new IllegalArgumentException(
                    "the price of " + sku + " is in " + price.currency() + ", not " + newPrice.currency());
        }
        boolean changed = !newPrice.equals(price);
        price = newPrice;
        return changed;
    }

    public Sku sku() {
        return sku;
    }

    public String name() {
        return name;
    }

    public Money price() {
        return price;
    }

    public Stock stock() {
        return stock;
    }
}
