package io.eventshop.payment.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import io.eventshop.payment.application.PaymentProvider.Authorization;
import io.eventshop.payment.application.PaymentProvider.RefundOutcome;
import io.eventshop.payment.application.ProviderUnavailableException;
import io.eventshop.payment.domain.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class SimulatedPaymentProviderTests {

    private static final Money AMOUNT = new Money(new BigDecimal("39.98"), "EUR");

    private final SimulatedPaymentProvider provider = provider(0, 2);

    @Test
    void authorizesTheVisaTestCard() {
        assertThat(provider.authorize("order-1", "tok_visa", AMOUNT)).isInstanceOf(Authorization.Approved.class);
    }

    @Test
    void declinesTheDeclinedAndInsufficientFundsTestCardsAndUnknownTokens() {
        assertThat(provider.authorize("order-1", "tok_declined", AMOUNT))
                .isEqualTo(new Authorization.Declined("card declined"));
        assertThat(provider.authorize("order-2", "tok_insufficient_funds", AMOUNT))
                .isEqualTo(new Authorization.Declined("insufficient funds"));
        assertThat(provider.authorize("order-3", "tok_nonsense", AMOUNT))
                .isEqualTo(new Authorization.Declined("invalid card token"));
    }

    @Test
    void answersARepeatedIdempotencyKeyWithItsFirstAnswer() {
        Authorization first = provider.authorize("order-1", "tok_visa", AMOUNT);

        assertThat(provider.authorize("order-1", "tok_declined", AMOUNT)).isEqualTo(first);
        assertThat(provider.callsWith("order-1")).isEqualTo(2);
    }

    @Test
    void refusesTheRefundsOfTheRefundRefusedCardTheConfiguredNumberOfTimes() {
        var approved = (Authorization.Approved) provider.authorize("order-1", "tok_refund_refused", AMOUNT);

        assertThat(provider.refund("refund-1", approved.reference(), AMOUNT)).isInstanceOf(RefundOutcome.Refused.class);
        assertThat(provider.refund("refund-1", approved.reference(), AMOUNT)).isInstanceOf(RefundOutcome.Refused.class);
        RefundOutcome accepted = provider.refund("refund-1", approved.reference(), AMOUNT);

        assertThat(accepted).isInstanceOf(RefundOutcome.Accepted.class);
        assertThat(provider.refund("refund-1", approved.reference(), AMOUNT)).isEqualTo(accepted);
    }

    @Test
    void refusesToRefundAPaymentItDoesNotKnow() {
        assertThat(provider.refund("refund-1", "pay_unknown", AMOUNT)).isInstanceOf(RefundOutcome.Refused.class);
    }

    @Test
    void failsTransientlyForTheProcessingErrorTestCard() {
        assertThatExceptionOfType(ProviderUnavailableException.class)
                .isThrownBy(() -> provider.authorize("order-1", "tok_processing_error", AMOUNT));
    }

    @Test
    void failsTransientlyAtTheConfiguredRate() {
        SimulatedPaymentProvider failing = provider(1, 0);

        assertThatExceptionOfType(ProviderUnavailableException.class)
                .isThrownBy(() -> failing.authorize("order-1", "tok_visa", AMOUNT));
        assertThatExceptionOfType(ProviderUnavailableException.class)
                .isThrownBy(() -> failing.refund("refund-1", "pay_order-1", AMOUNT));
    }

    @Test
    void failsAtTheRatesItIsToldWhileItRuns() {
        provider.simulate(new SimulatedPaymentProvider.Faults(1, 0));

        assertThatExceptionOfType(ProviderUnavailableException.class)
                .isThrownBy(() -> provider.authorize("order-1", "tok_visa", AMOUNT));

        provider.simulate(new SimulatedPaymentProvider.Faults(0, 0));
        assertThat(provider.authorize("order-1", "tok_visa", AMOUNT)).isInstanceOf(Authorization.Approved.class);
    }

    @Test
    void aFailureHappensBeforeTheProviderActsSoItChargesNothing() {
        provider.simulate(new SimulatedPaymentProvider.Faults(1, 0));

        assertThatExceptionOfType(ProviderUnavailableException.class)
                .isThrownBy(() -> provider.authorize("order-1", "tok_visa", AMOUNT));

        assertThat(provider.ledger().charges()).isZero();
    }

    @Test
    void aHangHappensAfterTheProviderActedSoTheCallerCannotTellButTheKeyChargesOnce() throws Exception {
        provider.simulate(new SimulatedPaymentProvider.Faults(0, 1));
        Thread caller = Thread.ofVirtual().start(() -> {
            try {
                provider.authorize("order-1", "tok_visa", AMOUNT);
            } catch (ProviderUnavailableException givenUpOn) {
                // the caller's time limit interrupts the hang, as resilience4j's would
            }
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> provider.ledger().charges() == 1);
        caller.interrupt();
        caller.join();
        provider.simulate(new SimulatedPaymentProvider.Faults(0, 0));

        assertThat(provider.authorize("order-1", "tok_visa", AMOUNT)).isInstanceOf(Authorization.Approved.class);

        assertThat(provider.ledger())
                .isEqualTo(new SimulatedPaymentProvider.Ledger(1, AMOUNT.amount(), 0, BigDecimal.ZERO));
    }

    @Test
    void theLedgerSumsWhatWasChargedAndRefundedOncePerIdempotencyKey() {
        var first = (Authorization.Approved) provider.authorize("order-1", "tok_visa", AMOUNT);
        provider.authorize("order-1", "tok_visa", AMOUNT);
        provider.authorize("order-2", "tok_visa", AMOUNT);
        provider.authorize("order-3", "tok_declined", AMOUNT);
        provider.refund("refund-1", first.reference(), AMOUNT);
        provider.refund("refund-1", first.reference(), AMOUNT);

        assertThat(provider.ledger())
                .isEqualTo(new SimulatedPaymentProvider.Ledger(2, new BigDecimal("79.96"), 1, AMOUNT.amount()));
    }

    private static SimulatedPaymentProvider provider(double failureRate, int refundRefusals) {
        var properties = new ProviderProperties(Duration.ZERO, failureRate, 0, refundRefusals);
        return new SimulatedPaymentProvider(properties, new InMemoryProviderBooks(), RandomGenerator.getDefault());
    }
}
