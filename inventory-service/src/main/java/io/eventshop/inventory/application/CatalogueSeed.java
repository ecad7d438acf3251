package io.eventshop.inventory.application;

import io.eventshop.inventory.domain.Money;
import io.eventshop.inventory.domain.Product;
import io.eventshop.inventory.domain.Sku;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The initial catalogue: at start-up, before the service reports itself ready, it adds those of the twelve products
 * that are missing (all of them in a new database, none later). Each new product announces its first price with
 * ProductPriceChanged through the outbox, in the transaction that stores it, the way a reprice is announced. So
 * order-service learns the prices from the relay like any later price change.
 *
 * <p>Two instances that start at once on an empty database take turns on the catalogue's lock, so the second finds
 * the products there and adds nothing.
 */
@Service
public class CatalogueSeed implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CatalogueSeed.class);

    /** One product of the initial catalogue, priced in EUR. */
    record SeedProduct(String sku, String name, String price, int stock) {

        Product introduce() {
            return Product.introduce(new Sku(sku), name, Money.euros(price), stock);
        }
    }

    static final List<SeedProduct> PRODUCTS = List.of(
            new SeedProduct("SKU-1001", "Ceramic teapot", "19.99", 100),
            new SeedProduct("SKU-1002", "Green tea, 100 g", "5.50", 100),
            new SeedProduct("SKU-1003", "Cast-iron kettle", "129.00", 100),
            new SeedProduct("SKU-1004", "Tea cup", "7.25", 100),
            new SeedProduct("SKU-1005", "Bamboo tray", "24.90", 100),
            new SeedProduct("SKU-1006", "Loose-leaf strainer", "3.99", 100),
            new SeedProduct("SKU-1007", "Earl Grey, 250 g", "12.40", 100),
            new SeedProduct("SKU-1008", "Electric gooseneck kettle", "89.00", 100),
            new SeedProduct("SKU-1009", "Matcha whisk", "15.00", 100),
            new SeedProduct("SKU-1010", "Glass teapot", "34.50", 100),
            new SeedProduct("SKU-1011", "Tea chest, walnut", "249.00", 100),
            new SeedProduct("SKU-1012", "Antique porcelain tea set", "480.00", 2));

    private final Products products;
    private final ApplicationEventPublisher events;

    CatalogueSeed(Products products, ApplicationEventPublisher events) {
        this.products = products;
        this.events = events;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        products.lockCatalogue();
        Set<String> existing = products.findAll().stream()
                .map(product -> product.sku().value())
                .collect(Collectors.toSet());
        List<Product> added = PRODUCTS.stream()
                .filter(seed -> !existing.contains(seed.sku()))
                .map(SeedProduct::introduce)
                .toList();
        if (added.isEmpty()) {
            return;
        }
        products.add(added);
        added.forEach(product -> product.releaseEvents().forEach(events::publishEvent));
        log.info("Seeded the catalogue with {} products", added.size());
    }
}
