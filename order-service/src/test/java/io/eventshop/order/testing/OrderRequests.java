package io.eventshop.order.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Bodies of {@code POST /orders}: {@code anOrderRequest().withItem("SKU-1001", 2).json()}. */
public final class OrderRequests {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final Map<String, Object> body = new LinkedHashMap<>();
    private final List<Map<String, Object>> items = new ArrayList<>();
    private final Map<String, Object> address = new LinkedHashMap<>();

    private OrderRequests() {
        body.put("customerId", "c-42");
        body.put("items", items);
        body.put("paymentToken", "tok_visa");
        address.put("name", "Ada");
        address.put("street", "1 Main St");
        address.put("city", "Berlin");
        address.put("postalCode", "10115");
        address.put("country", "DE");
        body.put("shippingAddress", address);
    }

    public static OrderRequests anOrderRequest() {
        return new OrderRequests();
    }

    public OrderRequests withItem(String sku, Object quantity) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("sku", sku);
        item.put("quantity", quantity);
        items.add(item);
        return this;
    }

    public OrderRequests forCustomer(String customerId) {
        body.put("customerId", customerId);
        return this;
    }

    public OrderRequests shippedTo(String country) {
        address.put("country", country);
        return this;
    }

    /** Leaves a top-level field out. */
    public OrderRequests without(String field) {
        body.remove(field);
        return this;
    }

    public String json() {
        if (items.isEmpty() && body.containsKey("items")) {
            withItem("SKU-1001", 2);
        }
        return MAPPER.writeValueAsString(body);
    }
}
