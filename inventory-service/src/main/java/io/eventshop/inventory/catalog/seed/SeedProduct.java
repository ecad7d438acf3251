package io.eventshop.inventory.catalog.seed;

import java.math.BigDecimal;

/** One product of the initial catalogue. */
record SeedProduct(String sku, String name, BigDecimal price, int stock) {

    static SeedProduct of(String sku, String name, String price, int stock) {
        return new SeedProduct(sku, name, new BigDecimal(price), stock);
    }
}
