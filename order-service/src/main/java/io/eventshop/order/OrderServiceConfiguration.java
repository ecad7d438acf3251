package io.eventshop.order;

import io.eventshop.messaging.PeriodicTask;
import io.eventshop.order.application.OrderProperties;
import io.eventshop.order.application.SagaDeadline;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The jobs of order-service, wired explicitly so that a reader sees what runs and how often. */
@Configuration(proxyBeanMethods = false)
class OrderServiceConfiguration {

    /** Every {@code eventshop.order.deadline-check-interval}, requests the cancellation of overdue orders. */
    @Bean
    PeriodicTask sagaDeadlineTask(SagaDeadline deadline, OrderProperties properties) {
        return new PeriodicTask("saga-deadline", properties.deadlineCheckInterval(), deadline::cancelOverdueOrders);
    }
}
