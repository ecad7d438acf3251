package io.eventshop.order.web;

import io.eventshop.messaging.web.ApiProblems.FieldProblem;
import io.eventshop.order.application.IdempotencyKeyReusedException;
import io.eventshop.order.application.MixedCurrenciesException;
import io.eventshop.order.application.UnknownSkusException;
import io.eventshop.order.domain.OrderCannotBeCancelledException;
import io.eventshop.order.domain.OrderNotFoundException;
import io.eventshop.order.domain.Sku;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The Problem Details of the orders API beyond bad input (which common-messaging's ApiProblems answers): 404 for an
 * unknown order, 409 for a cancellation that comes too late, 422 for what cannot be ordered.
 */
@RestControllerAdvice
class OrderProblems {

    @ExceptionHandler
    ProblemDetail notFound(OrderNotFoundException e) {
        return problem(
                HttpStatus.NOT_FOUND,
                "Order not found",
                e.getMessage(),
                List.of(new FieldProblem("id", e.getMessage())));
    }

    @ExceptionHandler
    ProblemDetail cannotBeCancelled(OrderCannotBeCancelledException e) {
        return problem(
                HttpStatus.CONFLICT,
                "Order cannot be cancelled",
                e.getMessage(),
                List.of(new FieldProblem("status", e.getMessage())));
    }

    @ExceptionHandler
    ProblemDetail keyReused(IdempotencyKeyReusedException e) {
        return problem(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "Idempotency-Key reused",
                e.getMessage(),
                List.of(new FieldProblem("Idempotency-Key", "was used before for a different request")));
    }

    @ExceptionHandler
    ProblemDetail mixedCurrencies(MixedCurrenciesException e) {
        return problem(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "Items in several currencies",
                e.getMessage(),
                List.of(new FieldProblem("items", e.getMessage())));
    }

    /** A 422 that names each unknown sku and where it is in the request, as {@code items[1].sku}. */
    static ErrorResponseException unknownSkus(UnknownSkusException e, PlaceOrderRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < request.items().size(); i++) {
            String sku = request.items().get(i).sku();
            if (e.skus().contains(new Sku(sku))) {
                problems.add(new FieldProblem("items[" + i + "].sku", "unknown sku " + sku));
            }
        }
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "Unknown sku", e.getMessage(), problems);
        return new ErrorResponseException(HttpStatus.UNPROCESSABLE_CONTENT, problem, e);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail, List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setProperties(Map.of("errors", errors));
        return problem;
    }
}
