package io.eventshop.order.application;

import io.eventshop.order.domain.ShippingAddress;
import io.eventshop.order.domain.Sku;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** A customer's request to place an order: the quantities of each sku, how to pay and where to ship. */
public record PlaceOrder(String customerId, List<Item> items, String paymentToken, ShippingAddress shippingAddress) {

    /** Keys sorted at every level, no whitespace: one text for one request, whatever order its JSON came in. */
    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

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
     * The request in canonical JSON: the fields of {@code POST /orders} under their API names, keys sorted at every
     * level, no whitespace, items in the order given (the order of the lines is part of the request). For example
     *
     * <pre>{@code
     * {"customerId":"c-42","items":[{"quantity":2,"sku":"SKU-1001"}],"paymentToken":"tok_visa",
     *  "shippingAddress":{"city":"Berlin","country":"DE","name":"Ada","postalCode":"10115","street":"1 Main St"}}
     * }</pre>
     *
     * (on one line). The form is written out here field by field, so that renaming a Java type or component does not
     * change it: a fingerprint stored by one release must match the same request in the next.
     */
    public String canonicalJson() {
        Map<String, Object> form = Map.of(
                "customerId",
                customerId,
                "items",
                items.stream()
                        .map(item -> Map.of("sku", item.sku().value(), "quantity", item.quantity()))
                        .toList(),
                "paymentToken",
                paymentToken,
                "shippingAddress",
                Map.of(
                        "name", shippingAddress.name(),
                        "street", shippingAddress.street(),
                        "city", shippingAddress.city(),
                        "postalCode", shippingAddress.postalCode(),
                        "country", shippingAddress.country()));
        return CANONICAL.writeValueAsString(form);
    }

    /**
     * The SHA-256, in lower-case hex, of the UTF-8 bytes of {@link #canonicalJson()}: two requests with the same
     * fingerprint ask for the same order. It is what {@code idempotency_key.request_hash} stores.
     */
    public String fingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(canonicalJson().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
