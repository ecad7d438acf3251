package io.eventshop.order.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** A body of {@code POST /orders} becomes one command, with one fingerprint, whatever the order of its fields. */
class PlaceOrderRequestTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final String IN_API_ORDER = """
            {"customerId": "c-42",
             "items": [{"sku": "SKU-1001", "quantity": 2}],
             "paymentToken": "tok_visa",
             "shippingAddress": {"name": "Ada", "street": "1 Main St", "city": "Berlin", "postalCode": "10115",
                                 "country": "DE"}}
            """;

    /** The fingerprint of this request: the one that application's PlaceOrderTests documents for it. */
    static final String FINGERPRINT = "113cb15518e6f45c4c1d7383bf35651a9623fc6e8df438429c1cb8f6009e5fee";

    static final String SHUFFLED = """
            {"shippingAddress": {"country": "DE", "postalCode": "10115", "city": "Berlin", "street": "1 Main St",
                                 "name": "Ada"},
             "paymentToken": "tok_visa",
             "items": [{"quantity": 2, "sku": "SKU-1001"}],
             "customerId": "c-42"}
            """;

    @Test
    void twoBodiesWithTheirFieldsInAnyOrderGiveTheSameFingerprint() {
        String fingerprint = fingerprintOf(IN_API_ORDER);

        assertThat(fingerprintOf(SHUFFLED)).isEqualTo(fingerprint);
        assertThat(fingerprint)
                .as("the documented fingerprint of this request (PlaceOrderTests)")
                .isEqualTo(FINGERPRINT);
        assertThat(fingerprintOf(SHUFFLED.replace("\"quantity\": 2", "\"quantity\": 3")))
                .isNotEqualTo(fingerprint);
    }

    private static String fingerprintOf(String json) {
        return JSON.readValue(json, PlaceOrderRequest.class).toCommand().fingerprint();
    }
}
