package io.eventshop.order.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventshop.order.application.PriceReplica;
import io.eventshop.order.domain.Money;
import io.eventshop.order.domain.ProductPrice;
import io.eventshop.order.domain.Sku;
import io.eventshop.order.testing.OrderServiceIntegrationTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The price replica keeps the latest price of each sku. */
@OrderServiceIntegrationTest
class JdbcPriceReplicaIntegrationTests {

    @Autowired
    PriceReplica replica;

    @Test
    void aNewerPriceReplacesTheStoredOneAndAnOlderOneIsIgnored() {
        Instant now = Instant.parse("2026-11-22T10:00:00Z");
        assertThat(replica.replicate(price("SKU-REPLICA", "10.00"), now)).isTrue();
        assertThat(replica.replicate(price("SKU-REPLICA", "12.50"), now.plusSeconds(1)))
                .isTrue();
        assertThat(replica.replicate(price("SKU-REPLICA", "9.00"), now.minusSeconds(1)))
                .isFalse();

        var prices = replica.pricesOf(List.of(new Sku("SKU-REPLICA"), new Sku("SKU-UNKNOWN")));

        assertThat(prices).containsOnlyKeys(new Sku("SKU-REPLICA"));
        assertThat(prices.get(new Sku("SKU-REPLICA")).price()).isEqualTo(Money.of("12.50", "EUR"));
    }

    private static ProductPrice price(String sku, String price) {
        return new ProductPrice(new Sku(sku), "Product " + sku, Money.of(price, "EUR"));
    }
}
