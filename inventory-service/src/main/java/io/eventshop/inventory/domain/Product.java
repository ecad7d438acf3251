package io.eventshop.inventory.domain;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A product of the catalogue: what it is, what it costs, and how much of it is in stock. A new price is registered as
 * a {@link ProductEvent.ProductPriceChanged}, which {@link #releaseEvents()} hands to the use case.
 *
 * <p>Many orders reserve units of one product at once. Their use cases lock the product's row before they change the
 * stock, and {@code version} is the optimistic check behind that: a write that did not lock cannot overwrite one that
 * did.
 */
@Entity
@Table(name = "product")
public class Product {

    @EmbeddedId
    @AttributeOverride(name = "value", column = @Column(name = "sku"))
    private Sku sku;

    private String name;

    /** The currency is a {@code char(3)}, which PostgreSQL calls {@code bpchar}, as JPA's schema validation sees. */
    @Embedded
    @AttributeOverride(name = "amount", column = @Column(name = "price"))
    @AttributeOverride(name = "currency", column = @Column(name = "currency", columnDefinition = "bpchar(3)"))
    private Money price;

    @Embedded
    private Stock stock;

    @Version
    private Long version;

    @Transient
    private final List<ProductEvent> events = new ArrayList<>();

    public Product(Sku sku, String name, Money price, Stock stock) {
        this.sku = Objects.requireNonNull(sku, "sku");
        this.name = Objects.requireNonNull(name, "name");
        this.price = Objects.requireNonNull(price, "price");
        this.stock = Objects.requireNonNull(stock, "stock");
    }

    /** For JPA. */
    protected Product() {}

    /** A new product of the catalogue with all of its first stock available; its first price is announced. */
    public static Product introduce(Sku sku, String name, Money price, int stock) {
        Product product = new Product(sku, name, price, Stock.initial(stock));
        product.events.add(new ProductEvent.ProductPriceChanged(sku, name, price));
        return product;
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
     * Sets a new price in the same currency, and registers ProductPriceChanged; an unchanged price is not announced
     * again.
     */
    public void reprice(Money newPrice) {
        if (!newPrice.currency().equals(price.currency())) {
            throw new IllegalArgumentException(
                    "the price of " + sku + " is in " + price.currency() + ", not " + newPrice.currency());
        }
        if (!newPrice.equals(price)) {
            price = newPrice;
            events.add(new ProductEvent.ProductPriceChanged(sku, name, price));
        }
    }

    /** The events registered since the last call, in order; the product forgets them. */
    public List<ProductEvent> releaseEvents() {
        List<ProductEvent> released = List.copyOf(events);
        events.clear();
        return released;
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
