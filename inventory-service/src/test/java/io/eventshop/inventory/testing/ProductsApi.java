package io.eventshop.inventory.testing;

import java.math.BigDecimal;
import java.util.Map;
import org.springframework.web.client.RestClient;

/** inventory-service's {@code /products} over real HTTP. */
public final class ProductsApi {

    /** A product as {@code GET /products/{sku}} shows it. */
    public record ProductView(
            String sku, String name, BigDecimal price, String currency, int available, int reserved) {}

    private final RestClient http;

    public ProductsApi(int port) {
        this.http = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build();
    }

    public ProductView product(String sku) {
        return http.get().uri("/products/{sku}", sku).retrieve().body(ProductView.class);
    }

    public RestClient.ResponseSpec get(String path) {
        return http.get().uri(path).retrieve();
    }

    public RestClient.ResponseSpec restock(String sku, Object quantity) {
        return http.put()
                .uri("/products/{sku}/stock", sku)
                .body(Map.of("quantity", quantity))
                .retrieve();
    }

    public RestClient.ResponseSpec putJson(String path, String json) {
        return http.put()
                .uri(path)
                .header("Content-Type", "application/json")
                .body(json)
                .retrieve();
    }
}
