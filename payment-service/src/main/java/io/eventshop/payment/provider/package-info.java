/**
 * The payment provider: the {@link io.eventshop.payment.provider.PaymentProvider} port, a simulated provider in
 * process, and the resilience4j decorators (time limit, retry with backoff, circuit breaker) every call goes through.
 */
@NullMarked
package io.eventshop.payment.provider;

import org.jspecify.annotations.NullMarked;
