package io.eventshop.topology;

import java.util.List;

/** Thrown when a topology declaration is malformed or inconsistent; the message lists every problem found. */
public class InvalidTopologyException extends IllegalArgumentException {

    private final List<String> problems;

    public InvalidTopologyException(List<String> problems) {
        super("Invalid messaging topology:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem, such as {@code "queue payment-service-events: a FIFO queue's name must end in .fifo"}. */
    public List<String> problems() {
        return problems;
    }
}
