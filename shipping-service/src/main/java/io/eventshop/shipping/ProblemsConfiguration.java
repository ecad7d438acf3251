package io.eventshop.shipping;

import io.eventshop.messaging.web.ApiProblems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Answers bad requests with common-messaging's {@link ApiProblems}, which name the offending field. It is declared here
 * because {@code spring.mvc.problemdetails.enabled} would otherwise let Spring MVC's own handler, which names nothing,
 * be registered before the auto-configured one.
 */
@Configuration(proxyBeanMethods = false)
class ProblemsConfiguration {

    @Bean
    ApiProblems apiProblems() {
        return new ApiProblems();
    }
}
