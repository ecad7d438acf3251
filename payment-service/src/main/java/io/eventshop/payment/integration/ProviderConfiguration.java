package io.eventshop.payment.integration;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.util.random.RandomGenerator;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The payment provider the application calls: the simulated provider, with its books, behind the resilience4j
 * instances named {@value #INSTANCE}. resilience4j's Spring Boot starter makes them from {@code application.yml}
 * ({@code resilience4j.timelimiter}, {@code .circuitbreaker} and {@code .retry}), and publishes their metrics to
 * Micrometer ({@code resilience4j_*}, tagged {@code name="payment-provider"}).
 */
@Configuration(proxyBeanMethods = false)
class ProviderConfiguration {

    /** The name of the provider's time limiter, circuit breaker and retry, and their metrics' tag. */
    static final String INSTANCE = "payment-provider";

    @Bean(destroyMethod = "close")
    JdbcProviderBooks simulatedProviderBooks(DataSourceProperties database) {
        return JdbcProviderBooks.onOwnPool(database);
    }

    @Bean
    SimulatedPaymentProvider simulatedPaymentProvider(ProviderProperties properties, JdbcProviderBooks books) {
        return new SimulatedPaymentProvider(properties, books, RandomGenerator.getDefault());
    }

    /** The provider the application calls: the simulated one behind the resilience decorators. */
    @Bean(destroyMethod = "close")
    @Primary
    ResilientPaymentProvider paymentProvider(
            SimulatedPaymentProvider simulated,
            TimeLimiterRegistry timeLimiters,
            CircuitBreakerRegistry circuitBreakers,
            RetryRegistry retries) {
        return new ResilientPaymentProvider(
                simulated,
                timeLimiters.timeLimiter(INSTANCE),
                circuitBreakers.circuitBreaker(INSTANCE),
                retries.retry(INSTANCE));
    }
}
