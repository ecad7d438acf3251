package io.eventshop.inventory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class ProductTests {

    @Test
    void aNewProductAnnouncesItsFirstPrice() {
        Product teapot = Product.introduce(new Sku("SKU-1"), "Teapot", Money.euros("19.99"), 10);

        assertThat(teapot.stock()).isEqualTo(Stock.initial(10));
        assertThat(teapot.releaseEvents())
                .containsExactly(
                        new ProductEvent.ProductPriceChanged(new Sku("SKU-1"), "Teapot", Money.euros("19.99")));
    }

    @Test
    void aNewPriceIsAnnouncedAndAnUnchangedOneIsNot() {
        Product teapot = TestProducts.aProduct("SKU-1", 10);

        teapot.reprice(Money.euros("9.99"));
        teapot.reprice(Money.euros("12.00"));

        assertThat(teapot.price()).isEqualTo(Money.euros("12.00"));
        assertThat(teapot.releaseEvents())
                .containsExactly(
                        new ProductEvent.ProductPriceChanged(new Sku("SKU-1"), "Product SKU-1", Money.euros("12.00")));
    }

    @Test
    void aPriceStaysInItsCurrency() {
        Product teapot = TestProducts.aProduct("SKU-1", 10);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> teapot.reprice(new Money(BigDecimal.ONE, Currency.getInstance("USD"))));
        assertThat(teapot.releaseEvents()).isEmpty();
    }
}
