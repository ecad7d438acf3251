package io.eventshop.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A {@code POST /orders} body, built the way a test reads: {@code anOrder().paidWith("tok_visa").withItem(...)}. */
final class OrderRequest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private String customerId = "c-" + UUID.randomUUID().toString().substring(0, 8);
    private String paymentToken = "tok_visa";
    private String country = "DE";
    private final List<Object[]> items = new ArrayList<>();

    static OrderRequest anOrder() {
        return new OrderRequest();
    }

    OrderRequest forCustomer(String customerId) {
        this.customerId = customerId;
        return this;
    }

    OrderRequest paidWith(String paymentToken) {
        this.paymentToken = paymentToken;
        return this;
    }

    OrderRequest shippedTo(String country) {
        this.country = country;
        return this;
    }

    OrderRequest withItem(String sku, int quantity) {
        items.add(new Object[] {sku, quantity});
        return this;
    }

    String customerId() {
        return customerId;
    }

    String toJson() {
        ObjectNode order = JSON.createObjectNode();
        order.put("customerId", customerId);
        ArrayNode lines = order.putArray("items");
        for (Object[] item : items) {
            lines.addObject().put("sku", (String) item[0]).put("quantity", (Integer) item[1]);
        }
        order.put("paymentToken", paymentToken);
        order.putObject("shippingAddress")
                .put("name", "Ada Lovelace")
                .put("street", "1 Main St")
                .put("city", "Berlin")
                .put("postalCode", "10115")
                .put("country", country);
        return order.toString();
    }
}
