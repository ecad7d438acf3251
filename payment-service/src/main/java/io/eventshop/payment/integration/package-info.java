/**
 * The payment provider, a system outside eventshop: the simulated provider in process with its books (which stand for
 * the provider's own systems), its console ({@code /simulated-provider}), and the resilient adapter that implements
 * the application's {@link io.eventshop.payment.application.PaymentProvider} port through resilience4j (time limit,
 * retry with backoff, circuit breaker).
 */
@NullMarked
package io.eventshop.payment.integration;

import org.jspecify.annotations.NullMarked;
