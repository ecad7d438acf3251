package io.eventshop.payment.web;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No payment has the id asked for: 404, naming the id. */
class PaymentNotFoundException extends ErrorResponseException {

    PaymentNotFoundException(UUID id) {
        super(HttpStatus.NOT_FOUND, problem(id), null);
    }

    private static ProblemDetail problem(UUID id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No payment with id " + id);
        problem.setTitle("Payment not found");
        problem.setProperty("id", id);
        return problem;
    }
}
