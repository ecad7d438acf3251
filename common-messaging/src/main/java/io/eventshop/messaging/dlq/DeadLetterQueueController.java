package io.eventshop.messaging.dlq;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The {@code /ops/dlq} endpoint: this service's dead-letter queues, their messages, and redrive. */
@RestController
@RequestMapping("/ops/dlq")
class DeadLetterQueueController {

    /** The body of a selective redrive. */
    record RedriveRequest(List<String> messageIds) {}

    private final DeadLetterQueues deadLetterQueues;

    DeadLetterQueueController(DeadLetterQueues deadLetterQueues) {
        this.deadLetterQueues = deadLetterQueues;
    }

    @GetMapping
    List<DeadLetterQueueSummary> list() {
        return deadLetterQueues.list();
    }

    @GetMapping("/{queue}/messages")
    List<DeadLetter> messages(@PathVariable String queue, @RequestParam(defaultValue = "10") int max) {
        return deadLetterQueues.peek(queue, max);
    }

    /** Redrives the chosen messages (200), or, without a body, all of them (202 when SQS moves them later). */
    @PostMapping("/{queue}/redrive")
    ResponseEntity<RedriveResult> redrive(
            @PathVariable String queue, @RequestBody(required = false) RedriveRequest request) {
        RedriveResult result = request == null || request.messageIds() == null
                ? deadLetterQueues.redriveAll(queue)
                : deadLetterQueues.redrive(queue, request.messageIds());
        return ResponseEntity.status(result.asynchronous() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .body(result);
    }

    @ExceptionHandler
    ProblemDetail unknownQueue(UnknownDeadLetterQueueException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Unknown dead-letter queue");
        problem.setProperty("queue", e.queue());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail invalidArgument(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
