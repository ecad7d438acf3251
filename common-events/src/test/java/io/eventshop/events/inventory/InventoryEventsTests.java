package io.eventshop.events.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventshop.events.Events;
import io.eventshop.events.InvalidFieldException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class InventoryEventsTests {

    private final StockReserved sample = Events.stockReserved();

    @Test
    void aReservationHoldsAtLeastOneLine() {
        assertThatThrownBy(() -> new StockReserved(
                        sample.orderId(),
                        sample.reservationId(),
                        sample.customerId(),
                        List.of(),
                        sample.shippingAddress()))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("lines must not be empty");
    }

    @Test
    void aReservationCarriesTheShippingAddressForShipping() {
        assertThatThrownBy(() -> new StockReserved(
                        sample.orderId(), sample.reservationId(), sample.customerId(), sample.lines(), null))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("shippingAddress is required");
    }

    @Test
    void aReservedLineNeedsAPositiveQuantity() {
        assertThatThrownBy(() -> new ReservedLine("SKU-1", -1))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("quantity must be positive, was -1");
    }

    @Test
    void aFailedReservationMayNameNoSkuButNoNullOne() {
        assertThat(new StockReservationFailed(sample.orderId(), "out of stock", List.of()).unavailableSkus())
                .isEmpty();
        assertThatThrownBy(() ->
                        new StockReservationFailed(sample.orderId(), "out of stock", Arrays.asList("SKU-1", null)))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("unavailableSkus[1] is required");
    }

    @Test
    void theUnavailableSkusAreCopied() {
        var skus = new ArrayList<>(List.of("SKU-1"));
        var failed = new StockReservationFailed(sample.orderId(), "out of stock", skus);

        skus.add("SKU-2");

        assertThat(failed.unavailableSkus()).containsExactly("SKU-1");
    }

    @Test
    void aPriceChangeBelongsToNoOrderAndIsOrderedBySku() {
        var changed = Events.productPriceChanged();

        assertThat(changed.orderId()).isNull();
        assertThat(changed.orderingKey()).isEqualTo(changed.sku());
    }

    @Test
    void aPriceCannotBeNegative() {
        assertThatThrownBy(() -> new ProductPriceChanged("SKU-1", "Cup", new BigDecimal("-5"), "EUR"))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage("price must not be negative, was -5");
    }
}
