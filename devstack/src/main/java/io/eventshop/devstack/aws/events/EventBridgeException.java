package io.eventshop.devstack.aws.events;

/**
 * An EventBridge error as the SDK expects it: the code becomes {@code __type} and picks the SDK's exception class, so
 * it must be spelled exactly as AWS spells it.
 */
final class EventBridgeException extends RuntimeException {

    private final String code;
    private final int status;

    EventBridgeException(String code, int status, String message) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
    }

    static EventBridgeException notFound(String message) {
        return new EventBridgeException("ResourceNotFoundException", 400, message);
    }

    static EventBridgeException alreadyExists(String message) {
        return new EventBridgeException("ResourceAlreadyExistsException", 400, message);
    }

    static EventBridgeException validation(String message) {
        return new EventBridgeException("ValidationException", 400, message);
    }

    static EventBridgeException invalidPattern(String message) {
        return new EventBridgeException("InvalidEventPatternException", 400, message);
    }

    static EventBridgeException limitExceeded(String message) {
        return new EventBridgeException("LimitExceededException", 400, message);
    }

    static EventBridgeException illegalStatus(String message) {
        return new EventBridgeException("IllegalStatusException", 400, message);
    }

    String code() {
        return code;
    }

    int status() {
        return status;
    }
}
