package io.eventshop.payment.domain;

import io.eventshop.messaging.testing.MoneyContract;
import java.math.BigDecimal;

/** payment-service's Money follows the rules of every service's Money ({@link MoneyContract}), and needs no more. */
class MoneyTests extends MoneyContract<Money> {

    MoneyTests() {
        super((amount, currency) -> new Money(new BigDecimal(amount), currency), Money::amount, Money::currency);
    }
}
