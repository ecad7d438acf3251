package io.eventshop.events;

/** Thrown when an event or envelope is built with a missing or invalid field; it names the field. */
public final class InvalidFieldException extends IllegalArgumentException {

    private final String field;
    private final String problem;
    private final boolean missing;

    private InvalidFieldException(String field, String problem, boolean missing) {
        super(field + " " + problem);
        this.field = field;
        this.problem = problem;
        this.missing = missing;
    }

    /** The field is required but was null. */
    public static InvalidFieldException missing(String field) {
        return new InvalidFieldException(field, "is required", true);
    }

    /** The field has a value that breaks a rule, described by {@code problem} (for example "must be positive"). */
    public static InvalidFieldException invalid(String field, String problem) {
        return new InvalidFieldException(field, problem, false);
    }

    /** The name of the offending field, as it appears in the record and in JSON. */
    public String field() {
        return field;
    }

    /** What is wrong with the field, for example "must be positive, was 0". */
    public String problem() {
        return problem;
    }

    /** Whether the field was absent (null) rather than present with a bad value. */
    public boolean isMissing() {
        return missing;
    }
}
