package io.eventshop.notification.web;

import io.eventshop.messaging.web.ApiProblems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Declares {@link ApiProblems} (Problem Details that name the offending field) explicitly: with
 * {@code spring.mvc.problemdetails.enabled=true}, Spring Boot's own handler would otherwise be registered first, and
 * the one from common-messaging's auto-configuration would back off.
 */
@Configuration(proxyBeanMethods = false)
class ProblemDetailsConfiguration {

    @Bean
    ApiProblems apiProblems() {
        return new ApiProblems();
    }
}
