package io.eventshop.payment.provider;

import io.eventshop.payment.domain.Money;
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
 * Every call takes {@code latency}, and fails or hangs at the configured rates. Like a real provider it remembers
 * idempotency keys: a repeated key gets the first answer and charges nothing more.
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
    private final Map<String, Authorization> authorizations = new ConcurrentHashMap<>();
    private final Map<String, String> tokensByReference = new ConcurrentHashMap<>();
    private final Map<String, RefundOutcome> refunds = new ConcurrentHashMap<>();
    private final Map<String, Integer> refusals = new ConcurrentHashMap<>();
    private final Map<String, Integer> calls = new ConcurrentHashMap<>();

    public SimulatedPaymentProvider(ProviderProperties properties, RandomGenerator random) {
        this.properties = properties;
        this.random = random;
    }

    @Override
    public Authorization authorize(String idempotencyKey, String token, Money amount) {
        calls.merge(idempotencyKey, 1, Integer::sum);
        simulateNetwork();
        if (PROCESSING_ERROR.equals(token)) {
            throw new ProviderUnavailableException("processing error (test token " + token + ")");
        }
        return authorizations.computeIfAbsent(idempotencyKey, key -> decide(key, token));
    }

    @Override
    public RefundOutcome refund(String idempotencyKey, String paymentReference, Money amount) {
        calls.merge(idempotencyKey, 1, Integer::sum);
        simulateNetwork();
        RefundOutcome first = refunds.get(idempotencyKey);
        if (first != null) {
            return first;
        }
        String token = tokensByReference.get(paymentReference);
        if (token == null) {
            return new RefundOutcome.Refused("no payment " + paymentReference);
        }
        if (REFUND_REFUSED.equals(token)
                && refusals.merge(paymentReference, 1, Integer::sum) <= properties.refundRefusals()) {
            return new RefundOutcome.Refused("refund refused by the issuer");
        }
        return refunds.computeIfAbsent(idempotencyKey, key -> new RefundOutcome.Accepted("re_" + key));
    }

    /** How many calls carried {@code idempotencyKey}, answered or not: what a provider's request log would show. */
    public int callsWith(String idempotencyKey) {
        return calls.getOrDefault(idempotencyKey, 0);
    }

    private Authorization decide(String idempotencyKey, String token) {
        return switch (token) {
            case VISA, REFUND_REFUSED -> {
                String reference = "pay_" + idempotencyKey;
                tokensByReference.put(reference, token);
                yield new Authorization.Approved(reference);
            }
            case DECLINED -> new Authorization.Declined("card declined");
            case INSUFFICIENT_FUNDS -> new Authorization.Declined("insufficient funds");
            default -> new Authorization.Declined("invalid card token");
        };
    }

    private void simulateNetwork() {
        pause(properties.latency());
        if (random.nextDouble() < properties.timeoutRate()) {
            pause(HANG);
        }
        if (random.nextDouble() < properties.failureRate()) {
            throw new ProviderUnavailableException("simulated transient failure");
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
