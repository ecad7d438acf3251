package io.eventshop.order.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.order.domain.ShippingAddress;
import io.eventshop.order.domain.Sku;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fingerprint of a request, stored with its Idempotency-Key: the SHA-256 of a canonical JSON form, so that a retry
 * of the same request matches it in the next release too.
 */
class PlaceOrderTests {

    /** The canonical form of {@link #teapots()}: keys sorted at every level, no whitespace. */
    static final String TEAPOTS_CANONICAL =
            "{\"customerId\":\"c-42\",\"items\":[{\"quantity\":2,\"sku\":\"SKU-1001\"}],"
                    + "\"paymentToken\":\"tok_visa\",\"shippingAddress\":{\"city\":\"Berlin\",\"country\":\"DE\","
                    + "\"name\":\"Ada\",\"postalCode\":\"10115\",\"street\":\"1 Main St\"}}";

    /**
     * The SHA-256 of {@link #TEAPOTS_CANONICAL} ({@code printf '%s' "$json" | sha256sum}). It must never change: the
     * idempotency keys stored by one release hold such hashes, and a retry after an upgrade must still match.
     */
    static final String TEAPOTS_FINGERPRINT = "113cb15518e6f45c4c1d7383bf35651a9623fc6e8df438429c1cb8f6009e5fee";

    static PlaceOrder teapots() {
        return new PlaceOrder(
                "c-42",
                List.of(new PlaceOrder.Item(new Sku("SKU-1001"), 2)),
                "tok_visa",
                new ShippingAddress("Ada", "1 Main St", "Berlin", "10115", "DE"));
    }

    @Test
    void theCanonicalFormSortsTheKeysAtEveryLevelAndHasNoWhitespace() {
        assertThat(teapots().canonicalJson()).isEqualTo(TEAPOTS_CANONICAL);
    }

    @Test
    void aKnownRequestHasAFixedFingerprint() {
        assertThat(teapots().fingerprint()).isEqualTo(TEAPOTS_FINGERPRINT);
    }

    @Test
    void equalRequestsHaveOneFingerprintAndAnyDifferenceChangesIt() {
        PlaceOrder twoItems = new PlaceOrder(
                "c-42",
                List.of(new PlaceOrder.Item(new Sku("SKU-1001"), 2), new PlaceOrder.Item(new Sku("SKU-2002"), 1)),
                "tok_visa",
                new ShippingAddress("Ada", "1 Main St", "Berlin", "10115", "DE"));
        PlaceOrder reversed = new PlaceOrder(
                "c-42",
                List.of(new PlaceOrder.Item(new Sku("SKU-2002"), 1), new PlaceOrder.Item(new Sku("SKU-1001"), 2)),
                "tok_visa",
                new ShippingAddress("Ada", "1 Main St", "Berlin", "10115", "DE"));
        PlaceOrder elsewhere = new PlaceOrder(
                "c-42",
                List.of(new PlaceOrder.Item(new Sku("SKU-1001"), 2)),
                "tok_visa",
                new ShippingAddress("Ada", "1 Main St", "Berlin", "10117", "DE"));

        assertThat(teapots().fingerprint()).isEqualTo(teapots().fingerprint()).hasSize(64);
        assertThat(elsewhere.fingerprint()).isNotEqualTo(teapots().fingerprint());
        assertThat(reversed.fingerprint())
                .as("the order of the lines is part of the request")
                .isNotEqualTo(twoItems.fingerprint());
    }

    @Test
    void textThatNeedsEscapingHasOneCanonicalForm() {
        PlaceOrder quoted = new PlaceOrder(
                "c-\"42\"",
                List.of(new PlaceOrder.Item(new Sku("SKU-1001"), 2)),
                "tok_visa",
                new ShippingAddress("Åsa Öberg", "Große Straße 1", "München", "80331", "DE"));

        assertThat(quoted.canonicalJson())
                .startsWith("{\"customerId\":\"c-\\\"42\\\"\",")
                .contains("\"name\":\"Åsa Öberg\"");
    }
}
