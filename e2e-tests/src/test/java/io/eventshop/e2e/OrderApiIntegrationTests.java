package io.eventshop.e2e;

import static io.eventshop.e2e.OrderRequest.anOrder;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What a client sees of the order API when it sends something wrong, or sends the same order twice. */
@ExtendWith(EventshopExtension.class)
class OrderApiIntegrationTests {

    @Test
    void theSameIdempotencyKeyReturnsTheFirstOrder(Eventshop shop) {
        String key = UUID.randomUUID().toString();
        OrderRequest request = anOrder().withItem("SKU-1009", 1);

        var first = shop.placeOrder(request, key);
        var again = shop.placeOrder(request, key);

        assertThat(first.status()).isEqualTo(202);
        assertThat(again.body().get("id").asString())
                .isEqualTo(first.body().get("id").asString());
        shop.awaitOrder(first.body().get("id").asString(), "CONFIRMED");
        assertThat(shop.payments(first.body().get("id").asString())).hasSize(1);
    }

    @Test
    void theSameIdempotencyKeyWithAnotherBodyIsRejected(Eventshop shop) {
        String key = UUID.randomUUID().toString();
        shop.placeOrder(anOrder().withItem("SKU-1009", 1), key);

        var other = shop.placeOrder(anOrder().withItem("SKU-1009", 2), key);

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aNegativeQuantityIsRejectedAndNamed(Eventshop shop) {
        var response = shop.placeOrder(anOrder().withItem("SKU-1001", -1));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().toString()).contains("items[0].quantity");
    }

    @Test
    void missingFieldsAreRejectedAndNamed(Eventshop shop) {
        var response = shop.post("order-service", "/orders", "{\"items\":[{\"sku\":\"SKU-1001\",\"quantity\":1}]}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().toString()).contains("customerId").contains("paymentToken");
    }

    @Test
    void anUnknownSkuIsUnprocessable(Eventshop shop) {
        var response = shop.placeOrder(anOrder().withItem("SKU-NOPE", 1));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body().toString()).contains("SKU-NOPE");
    }

    @Test
    void malformedJsonIsABadRequest(Eventshop shop) {
        var response = shop.post("order-service", "/orders", "{\"customerId\":");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anUnknownOrderIsNotFound(Eventshop shop) {
        var response = shop.post("order-service", "/orders/" + UUID.randomUUID() + "/cancel", "{}");

        assertThat(response.status()).isEqualTo(404);
    }
}
