package io.eventshop.inventory.catalog.seed;

import io.eventshop.events.EventEnvelope;
import io.eventshop.events.EventJson;
import io.eventshop.events.inventory.ProductPriceChanged;
import io.eventshop.messaging.MessagingProperties;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Migration V2: inserts the initial catalogue and, in the same transaction, one ProductPriceChanged per product into the
 * outbox, written as {@code Outbox} writes its rows (the envelope JSON of {@link EventJson}, the message attributes,
 * the sku as ordering key). So order-service learns the prices from the relay like any later price change.
 *
 * <p>Spring Boot hands {@link JavaMigration} beans to Flyway, and common-messaging creates the outbox table before
 * the service's migrations run.
 */
@Component
class CatalogueSeed implements JavaMigration {

    static final List<SeedProduct> PRODUCTS = List.of(
            SeedProduct.of("SKU-1001", "Ceramic teapot", "19.99", 100),
            SeedProduct.of("SKU-1002", "Green tea, 100 g", "5.50", 100),
            SeedProduct.of("SKU-1003", "Cast-iron kettle", "129.00", 100),
            SeedProduct.of("SKU-1004", "Tea cup", "7.25", 100),
            SeedProduct.of("SKU-1005", "Bamboo tray", "24.90", 100),
            SeedProduct.of("SKU-1006", "Loose-leaf strainer", "3.99", 100),
            SeedProduct.of("SKU-1007", "Earl Grey, 250 g", "12.40", 100),
            SeedProduct.of("SKU-1008", "Electric gooseneck kettle", "89.00", 100),
            SeedProduct.of("SKU-1009", "Matcha whisk", "15.00", 100),
            SeedProduct.of("SKU-1010", "Glass teapot", "34.50", 100),
            SeedProduct.of("SKU-1011", "Tea chest, walnut", "249.00", 100),
            SeedProduct.of("SKU-1012", "Antique porcelain tea set", "480.00", 2));

    private final EventJson eventJson;
    private final String source;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    CatalogueSeed(EventJson eventJson, MessagingProperties messaging, Clock clock) {
        this.eventJson = eventJson;
        this.source = messaging.serviceName();
        this.clock = clock;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (PreparedStatement products = connection.prepareStatement("""
                        insert into product (sku, name, price, currency, available, reserved, received)
                        values (?, ?, ?, 'EUR', ?, 0, ?)
                        """);
                PreparedStatement outbox = connection.prepareStatement("""
                        insert into outbox_event (event_id, event_type, ordering_key, source, payload, attributes)
                        values (?, ?, ?, ?, ?, ?::jsonb)
                        """)) {
            for (SeedProduct product : PRODUCTS) {
                products.setString(1, product.sku());
                products.setString(2, product.name());
                products.setBigDecimal(3, product.price());
                products.setInt(4, product.stock());
                products.setInt(5, product.stock());
                products.addBatch();

                EventEnvelope envelope = priceAnnounced(product);
                outbox.setObject(1, envelope.eventId());
                outbox.setString(2, envelope.eventType());
                outbox.setString(3, envelope.orderingKey());
                outbox.setString(4, envelope.source());
                outbox.setString(5, eventJson.write(envelope));
                outbox.setString(6, json.writeValueAsString(attributes(envelope, product)));
                outbox.addBatch();
            }
            products.executeBatch();
            outbox.executeBatch();
        }
    }

    /** Each product's first price starts a chain of its own: a fresh correlationId and no cause. */
    private EventEnvelope priceAnnounced(SeedProduct product) {
        var event = new ProductPriceChanged(product.sku(), product.name(), product.price(), "EUR");
        return EventEnvelope.of(event, source, UUID.randomUUID(), null, clock);
    }

    /** The message attributes, as {@code Outbox} sets them for an event without an order. */
    private static Map<String, String> attributes(EventEnvelope envelope, SeedProduct product) {
        var attributes = new LinkedHashMap<String, String>();
        attributes.put("eventType", envelope.eventType());
        attributes.put("source", envelope.source());
        attributes.put("amount", product.price().toPlainString());
        return attributes;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("2");
    }

    @Override
    public String getDescription() {
        return "seed catalogue";
    }

    @Override
    public Integer getChecksum() {
        return PRODUCTS.toString().hashCode();
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }
}
