package io.eventshop.messaging.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The rules every service's {@code Money} follows, as tests that each service's {@code MoneyTests} inherits. The
 * services keep a {@code Money} each, on purpose: each context decides what it does with money (order-service adds
 * lines up, payment-service refunds, inventory-service reprices), and a shared class would couple their releases. What
 * they share is how an amount is made: never negative, exactly two decimals, an ISO 4217 currency.
 *
 * @param <M> the service's Money
 */
public abstract class MoneyContract<M> {

    private final BiFunction<String, String, M> constructor;
    private final Function<M, BigDecimal> amount;
    private final Function<M, String> currencyCode;

    /**
     * @param constructor makes the service's Money from an amount and a currency code, or throws what it throws
     * @param amount reads the amount
     * @param currencyCode reads the currency's ISO code
     */
    protected MoneyContract(
            BiFunction<String, String, M> constructor,
            Function<M, BigDecimal> amount,
            Function<M, String> currencyCode) {
        this.constructor = constructor;
        this.amount = amount;
        this.currencyCode = currencyCode;
    }

    private M money(String value, String currency) {
        return constructor.apply(value, currency);
    }

    private BigDecimal amountOf(M money) {
        return amount.apply(money);
    }

    private String currencyOf(M money) {
        return currencyCode.apply(money);
    }

    @Test
    void anAmountHasExactlyTwoDecimals() {
        assertThat(amountOf(money("12.5", "EUR"))).hasToString("12.50");
        assertThat(amountOf(money("7", "EUR"))).hasToString("7.00");
        assertThat(currencyOf(money("7", "EUR"))).isEqualTo("EUR");
    }

    @Test
    void theSameAmountWrittenTwoWaysIsTheSameMoney() {
        assertThat(money("10", "EUR")).isEqualTo(money("10.00", "EUR"));
        assertThat(money("10", "EUR")).isNotEqualTo(money("10", "USD"));
    }

    @Test
    void zeroIsAnAmountButANegativeOneIsNot() {
        assertThat(amountOf(money("0", "EUR"))).hasToString("0.00");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> money("-0.01", "EUR"))
                .withMessageContaining("negative");
    }

    @Test
    void aThirdDecimalIsRefusedRatherThanRounded() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> money("0.001", "EUR"))
                .withMessageContaining("two decimals");
    }

    @Test
    void theCurrencyIsAnIso4217Code() {
        assertThatIllegalArgumentException().isThrownBy(() -> money("1", "eur")).withMessageContaining("ISO 4217");
        assertThatIllegalArgumentException().isThrownBy(() -> money("1", "ABC")).withMessageContaining("ISO 4217");
    }
}
