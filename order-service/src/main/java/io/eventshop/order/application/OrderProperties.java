package io.eventshop.order.application;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The settings of order-service, under {@code eventshop.order}.
 *
 * @param sagaDeadline how long an order may stay PENDING before its cancellation is requested
 * @param deadlineCheckInterval how often the deadline job looks for overdue orders
 */
@Validated
@ConfigurationProperties("eventshop.order")
public record OrderProperties(
        @NotNull @DefaultValue("5m") Duration sagaDeadline,
        @NotNull @DefaultValue("10s") Duration deadlineCheckInterval) {}
