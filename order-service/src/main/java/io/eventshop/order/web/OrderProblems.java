package io.eventshop.order.web;

import io.eventshop.messaging.web.ApiProblems.FieldProblem;
import io.eventshop.order.application.IdempotencyKeyReusedException;
import io.eventshop.order.application.MixedCurrenciesException;
import io.eventshop.order.application.UnknownSkusException;
import io.eventshop.order.domain.OrderCannotBeCancelledException;
import io.eventshop.order.domain.Sku;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The Problem Details of the orders API beyond bad input and unknown orders (which common-messaging's ApiProblems
 * answers, the 404 from the application's {@code OrderNotFoundException}): 409 for a cancellation that comes too late
 * or that met a change of the saga at the same moment, 422 for what cannot be ordered.
 */
@RestControllerAdvice
class OrderProblems {

    @ExceptionHandler
    ProblemDetail cannotBeCancelled(OrderCannotBeCancelledException e) {
        return problem(
                HttpStatus.CONFLICT,
                "Order cannot be cancelled",
                e.getMessage(),
                List.of(new FieldProblem("status", e.getMessage())));
    }

    /** The saga changed the order while the cancellation was being requested: asking again decides on the new state. */
    @ExceptionHandler
    ProblemDetail changedConcurrently(OptimisticLockingFailureException e) {
        String detail = "the order changed while the request was handled; ask again";
        return problem(
                HttpStatus.CONFLICT, "Order changed concurrently", detail, List.of(new FieldProblem("id", detail)));
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
