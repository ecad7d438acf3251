package io.eventshop.payment.integration;

import io.eventshop.payment.application.PaymentProvider;
import io.eventshop.payment.application.ProviderUnavailableException;
import io.eventshop.payment.domain.Money;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;

/**
 * Calls a provider through resilience4j, innermost first: a time limit on each attempt, a circuit breaker that counts
 * the failed attempts and stops calling a provider that keeps failing, and a retry with exponential backoff around
 * both. The three are the Spring Boot starter's instances named {@value ProviderConfiguration#INSTANCE}, configured in
 * {@code application.yml}: only transient failures are retried and counted, as a decline is an answer. What is still
 * failing after the last attempt is thrown as a {@link ProviderUnavailableException}.
 */
final class ResilientPaymentProvider implements PaymentProvider, AutoCloseable {

    private final PaymentProvider provider;
    private final TimeLimiter timeLimiter;
    private final CircuitBreaker circuitBreaker;
    private final Retry retry;

    /** The threads that make the calls, so that the time limiter can give up on one by interrupting it. */
    private final ExecutorService calls = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("payment-provider-", 0).factory());

    ResilientPaymentProvider(
            PaymentProvider provider, TimeLimiter timeLimiter, CircuitBreaker circuitBreaker, Retry retry) {
        this.provider = provider;
        this.timeLimiter = timeLimiter;
        this.circuitBreaker = circuitBreaker;
        this.retry = retry;
    }

    @Override
    public Authorization authorize(String idempotencyKey, String token, Money amount) {
        return call(() -> provider.authorize(idempotencyKey, token, amount));
    }

    @Override
    public RefundOutcome refund(String idempotencyKey, String paymentReference, Money amount) {
        return call(() -> provider.refund(idempotencyKey, paymentReference, amount));
    }

    private <T> T call(Callable<T> call) {
        Callable<T> limited = TimeLimiter.decorateFutureSupplier(timeLimiter, () -> calls.submit(call));
        Callable<T> guarded = CircuitBreaker.decorateCallable(circuitBreaker, limited);
        Callable<T> retried = Retry.decorateCallable(retry, guarded);
        try {
            return retried.call();
        } catch (ProviderUnavailableException e) {
            throw e;
        } catch (TimeoutException e) {
            throw new ProviderUnavailableException(
                    "the payment provider did not answer within "
                            + timeLimiter.getTimeLimiterConfig().getTimeoutDuration(),
                    e);
        } catch (CallNotPermittedException e) {
            throw new ProviderUnavailableException("the payment provider's circuit breaker is open", e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ProviderUnavailableException("the payment provider call failed: " + e, e);
        }
    }

    /** Interrupts the calls still under way: the service is stopping. */
    @Override
    public void close() {
        calls.shutdownNow();
    }
}
