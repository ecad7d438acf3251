package io.eventshop.messaging.tracing;

import io.micrometer.tracing.Tracer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * One trace per saga: the outbox and the relay use {@link MessageTracing}, and the listener container's observations
 * get their spans from {@link MessageHandlingSpans}. The tracer is Spring Boot's (Micrometer Tracing on OpenTelemetry);
 * without one, as in a context that does not auto-configure tracing, nothing is traced and contexts pass through.
 */
@Configuration(proxyBeanMethods = false)
public class TracingConfiguration {

    @Bean
    MessageTracing messageTracing(ObjectProvider<Tracer> tracer) {
        return new MessageTracing(tracer.getIfAvailable(() -> Tracer.NOOP));
    }

    /**
     * Ahead of Boot's handler for received messages, which would take the parent from SQS message attributes only, so
     * that the first handler that supports the listener's observations is this one.
     */
    @Bean
    @Order(MicrometerTracingAutoConfiguration.RECEIVER_TRACING_OBSERVATION_HANDLER_ORDER - 100)
    MessageHandlingSpans messageHandlingSpans(ObjectProvider<Tracer> tracer) {
        return new MessageHandlingSpans(tracer.getIfAvailable(() -> Tracer.NOOP));
    }
}
