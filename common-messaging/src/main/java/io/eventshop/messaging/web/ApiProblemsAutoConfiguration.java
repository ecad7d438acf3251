package io.eventshop.messaging.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Registers {@link ApiProblems} before Spring MVC's auto-configuration, so that it replaces Spring Boot's own
 * Problem Details handler ({@code spring.mvc.problemdetails.enabled}) instead of giving way to it.
 */
@AutoConfiguration(before = WebMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ApiProblemsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(ApiProblems.class)
    ApiProblems apiProblems() {
        return new ApiProblems();
    }
}
