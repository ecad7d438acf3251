package io.eventshop.payment.integration;

import io.eventshop.payment.application.PaymentProvider;
import io.eventshop.payment.application.ProviderUnavailableException;
import io.eventshop.payment.domain.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;

/**
 * A payment provider in process, in the manner of real providers' test modes. It recognises test card tokens:
 *
 * <ul>
 *   <li>{@code tok_visa}: authorized;
 *   <li>{@code tok_declined}: declined, "card declined";
 *   <li>{@code tok_insufficient_funds}: declined, "insufficient funds";
 *   <li>{@code tok_refund_refused}: authorized, but its refunds are refused {@code refundRefusals} times first;
 *   <li>{@code tok_processing_error}: every call fails with a transient error;
 *   <li>any other token: declined, "invalid card token".
 * </ul>
 *
 * Every call takes {@code latency}, and fails or hangs at the configured rates, which can be changed while it runs
 * ({@link #simulate(Faults)}). A failure happens before the provider acts; a hang happens after it has acted, so the
 * caller cannot tell whether it charged: the case that idempotency keys exist for. Like a real provider it remembers
 * them: a repeated key gets the first answer and charges nothing more. It keeps them, and its {@link #ledger() ledger}
 * of the money that really moved, in its {@link ProviderBooks books}, which outlive a restart of the service.
 */
public final class SimulatedPaymentProvider implements PaymentProvider {

    public static final String VISA = "tok_visa";
    public static final String DECLINED = "tok_declined";
    public static final String INSUFFICIENT_FUNDS = "tok_insufficient_funds";
    public static final String REFUND_REFUSED = "tok_refund_refused";
    public static final String PROCESSING_ERROR = "tok_processing_error";

    /** How long a simulated hang lasts unless the caller's time limit cancels it first. */
    private static final Duration HANG = Duration.ofSeconds(30);

    private final ProviderProperties properties;
    private final RandomGenerator random;
    private final ProviderBooks books;
    private final Map<String, Integer> calls = new ConcurrentHashMap<>();
    private volatile Faults faults;

    /**
     * How often calls go wrong.
     *
     * @param failureRate the share of calls that fail with a transient error before the provider acts, from 0 to 1
     * @param timeoutRate the share of calls that hang after the provider has acted, from 0 to 1
     */
    public record Faults(double failureRate, double timeoutRate) {

        public Faults {
            if (failureRate < 0 || failureRate > 1 || timeoutRate < 0 || timeoutRate > 1) {
                throw new IllegalArgumentException("rates are between 0 and 1");
            }
        }
    }

    /** The money that moved: what was charged and what was refunded, as the provider's statement would show it. */
    public record Ledger(int charges, BigDecimal charged, int refunds, BigDecimal refunded) {}

    public SimulatedPaymentProvider(ProviderProperties properties, ProviderBooks books, RandomGenerator random) {
        this.properties = properties;
        this.books = books;
        this.random = random;
        this.faults = new Faults(properties.failureRate(), properties.timeoutRate());
    }

    public Faults faults() {
        return faults;
    }

    /** Changes how often calls fail or hang, from the next call on. */
    public void simulate(Faults faults) {
        this.faults = faults;
    }

    public Ledger ledger() {
        return books.ledger();
    }

    @Override
    public Authorization authorize(String idempotencyKey, String token, Money amount) {
        calls.merge(idempotencyKey, 1, Integer::sum);
        simulateNetwork();
        if (PROCESSING_ERROR.equals(token)) {
            throw new ProviderUnavailableException("processing error (test token " + token + ")");
        }
        Authorization authorization = books.authorization(idempotencyKey)
                .orElseGet(
                        () -> books.recordAuthorization(idempotencyKey, decide(idempotencyKey, token), token, amount));
        simulateLostAnswer();
        return authorization;
    }

    @Override
    public RefundOutcome refund(String idempotencyKey, String paymentReference, Money amount) {
        calls.merge(idempotencyKey, 1, Integer::sum);
        simulateNetwork();
        RefundOutcome outcome = decideRefund(idempotencyKey, paymentReference, amount);
        simulateLostAnswer();
        return outcome;
    }

    private RefundOutcome decideRefund(String idempotencyKey, String paymentReference, Money amount) {
        RefundOutcome accepted = new RefundOutcome.Accepted("re_" + idempotencyKey);
        if (books.refunded(idempotencyKey)) {
            return accepted;
        }
        String token = books.tokenOf(paymentReference).orElse(null);
        if (token == null) {
            return new RefundOutcome.Refused("no payment " + paymentReference);
        }
        if (REFUND_REFUSED.equals(token) && books.countRefusal(paymentReference) <= properties.refundRefusals()) {
            return new RefundOutcome.Refused("refund refused by the issuer");
        }
        books.recordRefund(idempotencyKey, paymentReference, amount);
        return accepted;
    }

    /** How many calls carried {@code idempotencyKey}, answered or not: what a provider's request log would show. */
    public int callsWith(String idempotencyKey) {
        return calls.getOrDefault(idempotencyKey, 0);
    }

    private static Authorization decide(String idempotencyKey, String token) {
        return switch (token) {
            case VISA, REFUND_REFUSED -> new Authorization.Approved("pay_" + idempotencyKey);
            case DECLINED -> new Authorization.Declined("card declined");
            case INSUFFICIENT_FUNDS -> new Authorization.Declined("insufficient funds");
            default -> new Authorization.Declined("invalid card token");
        };
    }

    private void simulateNetwork() {
        pause(properties.latency());
        if (random.nextDouble() < faults.failureRate()) {
            throw new ProviderUnavailableException("simulated transient failure");
        }
    }

    private void simulateLostAnswer() {
        if (random.nextDouble() < faults.timeoutRate()) {
            pause(HANG);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailableException("call interrupted", e);
        }
    }
}
