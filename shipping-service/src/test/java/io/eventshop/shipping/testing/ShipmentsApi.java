package io.eventshop.shipping.testing;

import java.util.List;
import java.util.UUID;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;

/** shipping-service's {@code /shipments} over real HTTP. */
public final class ShipmentsApi {

    /** A shipment as the API shows it. */
    public record ShipmentView(
            UUID id, UUID orderId, String status, String carrier, String trackingNumber, String failureReason) {}

    private final RestClient http;

    public ShipmentsApi(int port) {
        this.http = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build();
    }

    public List<ShipmentView> ofOrder(UUID orderId) {
        return http.get()
                .uri("/shipments?orderId={orderId}", orderId)
                .retrieve()
                .body(new ParameterizedTypeReference<>() {});
    }

    public RestClient.ResponseSpec get(String path) {
        return http.get().uri(path).retrieve();
    }
}
