package io.eventshop.order.messaging;

import io.eventshop.events.inventory.ProductPriceChanged;
import io.eventshop.events.inventory.StockReleased;
import io.eventshop.events.inventory.StockReservationFailed;
import io.eventshop.events.inventory.StockReserved;
import io.eventshop.events.payment.PaymentAuthorized;
import io.eventshop.events.payment.PaymentDeclined;
import io.eventshop.events.payment.PaymentRefundFailed;
import io.eventshop.events.payment.PaymentRefunded;
import io.eventshop.events.shipping.ShipmentFailed;
import io.eventshop.events.shipping.ShipmentScheduled;
import io.eventshop.messaging.listener.EventHandlers;
import io.eventshop.order.application.OrderSaga;
import io.eventshop.order.application.PriceReplica;
import io.eventshop.order.domain.Money;
import io.eventshop.order.domain.ProductPrice;
import io.eventshop.order.domain.Sku;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What order-service does with each event type that its queue receives (the filter policy of
 * {@code order-service-events.fifo} in {@code infra/topology.yaml} lists the same types): the saga's outcomes go to
 * {@code OrderSaga}, the catalogue's prices to the {@code PriceReplica}. The listener of common-messaging runs each
 * handler in the inbox's transaction, once per eventId.
 */
@Configuration(proxyBeanMethods = false)
class OrderEventHandlers {

    @Bean
    EventHandlers eventHandlers(OrderSaga saga, PriceReplica prices) {
        return new EventHandlers()
                .on(PaymentAuthorized.class, saga::on)
                .on(PaymentDeclined.class, saga::on)
                .on(PaymentRefunded.class, saga::on)
                .on(PaymentRefundFailed.class, saga::on)
                .on(StockReserved.class, saga::on)
                .on(StockReservationFailed.class, saga::on)
                .on(StockReleased.class, saga::on)
                .on(ShipmentScheduled.class, saga::on)
                .on(ShipmentFailed.class, saga::on)
                .on(
                        ProductPriceChanged.class,
                        (event, envelope) -> prices.replicate(priceOf(event), envelope.occurredAt()));
    }

    private static ProductPrice priceOf(ProductPriceChanged event) {
        return new ProductPrice(new Sku(event.sku()), event.name(), new Money(event.price(), event.currency()));
    }
}
