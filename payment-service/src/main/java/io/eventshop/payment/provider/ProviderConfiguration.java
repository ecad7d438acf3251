package io.eventshop.payment.provider;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedTimeLimiterMetrics;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Wires the payment provider: the simulated provider, wrapped in resilience4j's time limiter, circuit breaker and
 * retry (all named {@value #NAME}), whose metrics are published to Micrometer ({@code resilience4j_*}).
 */
@Configuration(proxyBeanMethods = false)
class ProviderConfiguration {

    /** The name of the provider's time limiter, circuit breaker and retry, and their metrics' tag. */
    static final String NAME = "payment-provider";

    @Bean(destroyMethod = "close")
    JdbcProviderBooks simulatedProviderBooks(DataSourceProperties database) {
        return JdbcProviderBooks.onOwnPool(database);
    }

    @Bean
    SimulatedPaymentProvider simulatedPaymentProvider(ProviderProperties properties, JdbcProviderBooks books) {
        return new SimulatedPaymentProvider(properties, books, RandomGenerator.getDefault());
    }

    /** The provider the application calls: the simulated one behind the resilience decorators. */
    @Bean
    @Primary
    PaymentProvider paymentProvider(
            SimulatedPaymentProvider simulated,
            TimeLimiterRegistry timeLimiters,
            CircuitBreakerRegistry circuitBreakers,
            RetryRegistry retries,
            ExecutorService providerCalls) {
        return new ResilientPaymentProvider(
                simulated,
                timeLimiters.timeLimiter(NAME),
                circuitBreakers.circuitBreaker(NAME),
                retries.retry(NAME),
                providerCalls);
    }

    /** The threads that make the provider calls, so that the time limiter can give up on them by interrupting. */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService providerCalls() {
        return Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("payment-provider-", 0).factory());
    }

    @Bean
    TimeLimiterRegistry timeLimiterRegistry(ProviderProperties properties) {
        return TimeLimiterRegistry.of(TimeLimiterConfig.custom()
                .timeoutDuration(properties.resilience().timeout())
                .cancelRunningFuture(true)
                .build());
    }

    @Bean
    CircuitBreakerRegistry circuitBreakerRegistry(ProviderProperties properties) {
        ProviderProperties.Resilience resilience = properties.resilience();
        return CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(resilience.failureRateThreshold())
                .slidingWindowSize(resilience.slidingWindowSize())
                .minimumNumberOfCalls(resilience.minimumNumberOfCalls())
                .waitDurationInOpenState(resilience.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(resilience.permittedCallsInHalfOpenState())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .recordExceptions(ProviderUnavailableException.class, TimeoutException.class)
                .build());
    }

    @Bean
    RetryRegistry retryRegistry(ProviderProperties properties) {
        ProviderProperties.Resilience resilience = properties.resilience();
        return RetryRegistry.of(RetryConfig.custom()
                .maxAttempts(resilience.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(
                        resilience.initialBackoff(), 2.0, resilience.maxBackoff()))
                // Transient failures only: a decline is an answer, and an open circuit is not retried into.
                .retryExceptions(ProviderUnavailableException.class, TimeoutException.class)
                .build());
    }

    @Bean
    MeterBinder circuitBreakerMetrics(CircuitBreakerRegistry circuitBreakers) {
        return TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(circuitBreakers);
    }

    @Bean
    MeterBinder retryMetrics(RetryRegistry retries) {
        return TaggedRetryMetrics.ofRetryRegistry(retries);
    }

    @Bean
    MeterBinder timeLimiterMetrics(TimeLimiterRegistry timeLimiters) {
        return TaggedTimeLimiterMetrics.ofTimeLimiterRegistry(timeLimiters);
    }
}
