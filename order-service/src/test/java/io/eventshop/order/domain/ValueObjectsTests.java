package io.eventshop.order.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The value objects validate in their constructors (Money has MoneyTests of its own). */
class ValueObjectsTests {

    @Test
    void anOrderLineNeedsAPositiveQuantity() {
        assertThat(new OrderLine(new Sku("SKU-1"), 3, Money.of("2.50", "EUR")).total())
                .isEqualTo(Money.of("7.50", "EUR"));
        assertThatThrownBy(() -> new OrderLine(new Sku("SKU-1"), 0, Money.of("1", "EUR")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSkuMustNotBeBlankAndACountryIsTwoUpperCaseLetters() {
        assertThatThrownBy(() -> new Sku(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ShippingAddress("Ada", "1 Main St", "Berlin", "10115", "de"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
