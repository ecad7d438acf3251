package io.eventshop.inventory.domain;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Products for unit tests: {@code aProduct("SKU-1", 10)} has 10 units available. */
public final class TestProducts {

    private TestProducts() {}

    public static Product aProduct(String sku, int available) {
        return new Product(new Sku(sku), "Product " + sku, Money.euros("9.99"), Stock.initial(available));
    }

    /** The products by sku, as the use cases hand them to a reservation. */
    public static Map<Sku, Product> bySku(Product... products) {
        return Stream.of(products).collect(Collectors.toMap(Product::sku, Function.identity()));
    }
}
