package io.eventshop.order.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Seeds the price replica the way inventory does: by publishing ProductPriceChanged, then waiting for the upsert. */
public final class Catalogue {

    private final SagaEvents events;
    private final JdbcClient jdbc;

    public Catalogue(SagaEvents events, JdbcClient jdbc) {
        this.events = events;
        this.jdbc = jdbc;
    }

    public void price(String sku, String price) {
        events.publish(SagaEvents.priceChanged(sku, price));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("select count(*) from product_price where sku = ? and price = ?::numeric")
                                .params(sku, price)
                                .query(Long.class)
                                .single()
                        == 1);
    }
}
