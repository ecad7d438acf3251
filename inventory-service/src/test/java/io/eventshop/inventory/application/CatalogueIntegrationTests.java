package io.eventshop.inventory.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.events.EventEnvelope;
import io.eventshop.events.inventory.ProductPriceChanged;
import io.eventshop.inventory.testing.InventoryIntegrationTest;
import io.eventshop.inventory.testing.ProductsApi;
import io.eventshop.inventory.testing.ProductsApi.ProductView;
import io.eventshop.messaging.testing.SagaTopic;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The catalogue: its seed and the price events it publishes, and the {@code /products} API. */
@InventoryIntegrationTest
class CatalogueIntegrationTests {

    /** Subscribed before the service starts, so that it sees the seed's events. */
    private static SagaTopic topic;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private ProductsApi api;

    @BeforeAll
    static void subscribeBeforeTheServiceStarts() {
        topic = new SagaTopic().collecting("ProductPriceChanged");
    }

    @AfterAll
    static void closeTopic() {
        topic.close();
    }

    @BeforeEach
    void setUp() {
        api = new ProductsApi(port);
    }

    @Test
    void theSeedPublishesOnePriceChangePerProduct() {
        List<UUID> seeded = jdbc.sql("""
                        select distinct on (ordering_key) event_id from outbox_event
                        where event_type = 'ProductPriceChanged' order by ordering_key, id
                        """).query(UUID.class).list();
        List<ProductView> products = api.get("/products").body(new ParameterizedTypeReference<>() {});
        assertThat(products).hasSizeGreaterThanOrEqualTo(12);
        assertThat(seeded).hasSameSizeAs(products);

        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> published(seeded).size() == seeded.size());

        List<ProductPriceChanged> prices = published(seeded).stream()
                .map(envelope -> (ProductPriceChanged) envelope.data())
                .toList();
        assertThat(prices)
                .extracting(ProductPriceChanged::sku)
                .containsExactlyInAnyOrderElementsOf(
                        products.stream().map(ProductView::sku).toList());
        assertThat(prices)
                .filteredOn(price -> price.sku().equals("SKU-1003"))
                .singleElement()
                .satisfies(price -> assertThat(price.price()).isEqualByComparingTo("129.00"));
    }

    @Test
    void aProductShowsItsPriceAndStock() {
        assertThat(api.product("SKU-1002"))
                .isEqualTo(new ProductView("SKU-1002", "Green tea, 100 g", new BigDecimal("5.50"), "EUR", 100, 0));
    }

    @Test
    void anUnknownSkuIsNotFound() {
        var response = api.get("/products/SKU-9999").toEntity(ProblemDetail.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getBody().getDetail()).contains("SKU-9999");
        assertThat(response.getBody().getProperties())
                .containsEntry("resource", "product")
                .containsEntry("id", "SKU-9999");
    }

    @Test
    void restockingAddsToTheAvailableStock() {
        var response = api.restock("SKU-1010", 10).toEntity(ProductView.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().available()).isEqualTo(110);
        assertThat(api.product("SKU-1010").available()).isEqualTo(110);
    }

    @Test
    void restockingByNothingIsABadRequestNamingTheField() {
        var response = api.restock("SKU-1010", 0).toEntity(ProblemDetail.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().getDetail()).contains("quantity");
    }

    @Test
    void restockingWithoutAQuantityIsABadRequestNamingTheField() {
        var response = api.putJson("/products/SKU-1010/stock", "{}").toEntity(ProblemDetail.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().getDetail()).contains("quantity");
    }

    @Test
    void restockingAnUnknownSkuIsNotFound() {
        var response = api.restock("SKU-9999", 1).toEntity(ProblemDetail.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void repricingAnnouncesTheNewPrice() {
        var response =
                api.putJson("/products/SKU-1008/price", "{\"price\": 79.50}").toEntity(ProductView.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(api.product("SKU-1008").price()).isEqualByComparingTo("79.50");
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> topic.collected(ProductPriceChanged.class).stream()
                        .anyMatch(price -> price.sku().equals("SKU-1008")
                                && price.price().compareTo(new BigDecimal("79.50")) == 0));
    }

    @Test
    void aNegativePriceIsABadRequestNamingTheField() {
        var response =
                api.putJson("/products/SKU-1008/price", "{\"price\": -1}").toEntity(ProblemDetail.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().getDetail()).contains("price");
    }

    @Test
    void theServiceDescribesItsApiAndReportsReadiness() {
        assertThat(api.get("/v3/api-docs").body(String.class)).contains("/products/{sku}/stock");
        assertThat(api.get("/actuator/health/readiness").toBodilessEntity().getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(api.get("/actuator/prometheus").toBodilessEntity().getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    private static List<EventEnvelope> published(List<UUID> eventIds) {
        return topic.collectedEnvelopes().stream()
                .filter(envelope -> eventIds.contains(envelope.eventId()))
                .toList();
    }
}
