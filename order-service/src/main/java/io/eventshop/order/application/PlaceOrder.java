package io.eventshop.order.application;

import io.eventshop.order.domain.ShippingAddress;
import io.eventshop.order.domain.Sku;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/** A customer's request to place an order: the quantities of each sku, how to pay and where to ship. */
public record PlaceOrder(String customerId, List<Item> items, String paymentToken, ShippingAddress shippingAddress) {

    public PlaceOrder {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(paymentToken, "paymentToken");
        Objects.requireNonNull(shippingAddress, "shippingAddress");
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("an order needs at least one item");
        }
    }

    /** A quantity of one sku. */
    public record Item(Sku sku, int quantity) {

        public Item {
            Objects.requireNonNull(sku, "sku");
            if (quantity <= 0) {
                throw new IllegalArgumentException("quantity must be positive, was " + quantity);
            }
        }
    }

    /**
     * A SHA-256 of the command's text form, which lists every field (records all the way down): two requests with the
     * same fingerprint ask for the same order.
     */
    public String fingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
