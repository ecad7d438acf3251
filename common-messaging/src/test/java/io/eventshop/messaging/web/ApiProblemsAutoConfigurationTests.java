package io.eventshop.messaging.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

class ApiProblemsAutoConfigurationTests {

    private final WebApplicationContextRunner contexts = new WebApplicationContextRunner()
            .withConfiguration(
                    AutoConfigurations.of(WebMvcAutoConfiguration.class, ApiProblemsAutoConfiguration.class));

    @Test
    void apiProblemsReplacesSpringBootsProblemDetailsHandler() {
        contexts.withPropertyValues("spring.mvc.problemdetails.enabled=true").run(context -> assertThat(context)
                .getBean(ResponseEntityExceptionHandler.class)
                .isInstanceOf(ApiProblems.class));
    }

    @Test
    void apiProblemsAnswersWithoutSpringBootsSettingToo() {
        contexts.run(context -> assertThat(context).hasSingleBean(ApiProblems.class));
    }
}
