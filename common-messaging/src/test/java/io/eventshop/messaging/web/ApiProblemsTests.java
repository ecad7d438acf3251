package io.eventshop.messaging.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.eventshop.messaging.problem.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

class ApiProblemsTests {

    static final UUID MISSING = UUID.fromString("00000000-0000-0000-0000-000000000404");

    record Line(@NotBlank String sku, @Positive int quantity) {}

    record NewThing(@NotBlank String customerId, @Valid List<Line> items) {}

    @RestController
    static class ThingController {

        @PostMapping("/things")
        String create(@Valid @RequestBody NewThing thing) {
            return "ok";
        }

        @GetMapping("/things/{id}")
        String get(@PathVariable UUID id) {
            if (id.equals(MISSING)) {
                throw new NotFoundException("thing", id);
            }
            return id.toString();
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new ThingController())
            .setControllerAdvice(new ApiProblems())
            .setValidator(validator())
            .build();

    private static LocalValidatorFactoryBean validator() {
        var validator = new LocalValidatorFactoryBean();
        validator.afterPropertiesSet();
        return validator;
    }

    @Test
    void somethingThatDoesNotExistIsA404ThatNamesWhatAndWhich() throws Exception {
        mvc.perform(get("/things/" + MISSING))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Not Found"))
                .andExpect(jsonPath("$.detail").value("No thing " + MISSING))
                .andExpect(jsonPath("$.resource").value("thing"))
                .andExpect(jsonPath("$.id").value(MISSING.toString()));
    }

    @Test
    void anInvalidFieldIsNamedWithItsPath() throws Exception {
        mvc.perform(post("/things")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"customerId\":\"c-1\",\"items\":[{\"sku\":\"SKU-1\",\"quantity\":-1}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("items[0].quantity"))
                .andExpect(jsonPath("$.errors[0].message").value("must be greater than 0"));
    }

    @Test
    void aMissingFieldIsNamed() throws Exception {
        mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).content("{\"items\":[]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("customerId"));
    }

    @Test
    void malformedJsonIsA400ThatSaysSo() throws Exception {
        mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).content("{\"customerId\":"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("body"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("body: malformed JSON")));
    }

    @Test
    void aValueOfTheWrongTypeIsNamed() throws Exception {
        mvc.perform(post("/things")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"customerId\":\"c-1\",\"items\":[{\"sku\":\"SKU-1\",\"quantity\":\"two\"}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("items[0].quantity"));
    }

    @Test
    void aPathVariableOfTheWrongTypeIsNamed() throws Exception {
        mvc.perform(get("/things/not-a-uuid"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("id"));
    }

    @Test
    void theWrongContentTypeIsA415() throws Exception {
        mvc.perform(post("/things").contentType(MediaType.TEXT_PLAIN).content("hello"))
                .andExpect(status().isUnsupportedMediaType());
    }
}
