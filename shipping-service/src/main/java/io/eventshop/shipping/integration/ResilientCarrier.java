package io.eventshop.shipping.integration;

import io.eventshop.shipping.application.Carrier;
import io.eventshop.shipping.application.CarrierBooking;
import io.eventshop.shipping.application.CarrierUnavailableException;
import io.eventshop.shipping.domain.Destination;
import io.eventshop.shipping.domain.OrderId;
import io.eventshop.shipping.domain.Parcel;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A carrier called through resilience4j: each attempt is bounded by the time limiter, the circuit breaker stops
 * calling a carrier that keeps failing, and the retry tries again with backoff. Retrying is safe because the orderId
 * is the carrier's idempotency key. What still fails becomes a {@link CarrierUnavailableException}, so the saga
 * message is retried later rather than lost.
 */
class ResilientCarrier implements Carrier {

    private final Carrier carrier;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;
    private final TimeLimiter timeLimiter;
    private final Executor executor;

    ResilientCarrier(
            Carrier carrier, Retry retry, CircuitBreaker circuitBreaker, TimeLimiter timeLimiter, Executor executor) {
        this.carrier = carrier;
        this.retry = retry;
        this.circuitBreaker = circuitBreaker;
        this.timeLimiter = timeLimiter;
        this.executor = executor;
    }

    @Override
    public CarrierBooking schedule(OrderId orderId, Destination destination, List<Parcel> parcels) {
        Callable<CarrierBooking> attempt = TimeLimiter.decorateFutureSupplier(
                timeLimiter,
                () -> CompletableFuture.supplyAsync(() -> carrier.schedule(orderId, destination, parcels), executor));
        Callable<CarrierBooking> guarded =
                Retry.decorateCallable(retry, CircuitBreaker.decorateCallable(circuitBreaker, attempt));
        try {
            return guarded.call();
        } catch (CarrierUnavailableException e) {
            throw e;
        } catch (Exception e) {
            throw new CarrierUnavailableException("the carrier could not book order " + orderId + ": " + e, e);
        }
    }
}
