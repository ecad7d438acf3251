package io.eventshop.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTests {

    @Test
    void keepsTwoDecimals() {
        assertThat(new Money(new BigDecimal("40"), "EUR").amount()).isEqualByComparingTo("40.00");
        assertThat(new Money(new BigDecimal("40"), "EUR").amount().scale()).isEqualTo(2);
    }

    @Test
    void rejectsNegativeAmountsUnknownCurrenciesAndFractionsOfACent() {
        assertThatException().isThrownBy(() -> new Money(new BigDecimal("-1"), "EUR"));
        assertThatException().isThrownBy(() -> new Money(BigDecimal.ONE, "XYZ"));
        assertThatException().isThrownBy(() -> new Money(new BigDecimal("1.005"), "EUR"));
    }
}
