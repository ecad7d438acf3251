package io.eventshop.inventory.catalog.application;

import io.eventshop.inventory.catalog.domain.Sku;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No product has the sku: answered with 404 Not Found. */
public class ProductNotFoundException extends ErrorResponseException {

    public ProductNotFoundException(Sku sku) {
        super(HttpStatus.NOT_FOUND, problem(sku), null);
    }

    private static ProblemDetail problem(Sku sku) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No product has the sku " + sku + ".");
        problem.setTitle("Product not found");
        problem.setProperties(Map.of("sku", sku.value()));
        return problem;
    }
}
