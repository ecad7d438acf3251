package io.eventshop.messaging.problem;

/**
 * Thrown by application code when what a caller asked for does not exist. It carries no HTTP type: the web layer's
 * {@link io.eventshop.messaging.web.ApiProblems} answers it with a 404 Problem Details body of one shape in every
 * service, {@code {"title": "Not Found", "detail": "No order 42", "resource": "order", "id": "42"}}.
 */
public class NotFoundException extends RuntimeException {

    private final String resource;
    private final String id;

    /**
     * @param resource what was looked for, in the singular and in lower case: {@code order}, {@code product}
     * @param id the identifier it was looked for by
     */
    public NotFoundException(String resource, Object id) {
        super("No " + resource + " " + id);
        this.resource = resource;
        this.id = String.valueOf(id);
    }

    public String resource() {
        return resource;
    }

    public String id() {
        return id;
    }
}
