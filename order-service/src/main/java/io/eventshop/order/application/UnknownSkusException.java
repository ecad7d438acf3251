package io.eventshop.order.application;

import io.eventshop.order.domain.Sku;
import java.util.List;

/** The order names skus that the price replica does not know, so it cannot be priced. */
public class UnknownSkusException extends RuntimeException {

    private final List<Sku> skus;

    public UnknownSkusException(List<Sku> skus) {
        super("unknown sku: " + String.join(", ", skus.stream().map(Sku::value).toList()));
        this.skus = List.copyOf(skus);
    }

    public List<Sku> skus() {
        return skus;
    }
}
