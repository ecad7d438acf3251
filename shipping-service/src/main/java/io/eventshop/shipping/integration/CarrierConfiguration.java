package io.eventshop.shipping.integration;

import io.eventshop.shipping.application.Carrier;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The carrier the service books with: the simulated carrier, behind the resilience4j instances named {@code carrier}
 * (configured under {@code resilience4j.retry}, {@code .circuitbreaker} and {@code .timelimiter}).
 */
@Configuration(proxyBeanMethods = false)
class CarrierConfiguration {

    static final String INSTANCE = "carrier";

    /** The threads that carry out bookings, so that the time limiter can stop waiting for one. */
    @Bean(destroyMethod = "close")
    ExecutorService carrierCalls() {
        return Executors.newVirtualThreadPerTaskExecutor();
    }

    @Bean
    Carrier carrier(
            CarrierProperties properties,
            RetryRegistry retries,
            CircuitBreakerRegistry circuitBreakers,
            TimeLimiterRegistry timeLimiters,
            ExecutorService carrierCalls) {
        return new ResilientCarrier(
                new SimulatedCarrier(properties),
                retries.retry(INSTANCE),
                circuitBreakers.circuitBreaker(INSTANCE),
                timeLimiters.timeLimiter(INSTANCE),
                carrierCalls);
    }
}
