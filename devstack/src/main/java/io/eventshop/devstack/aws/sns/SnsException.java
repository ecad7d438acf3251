package io.eventshop.devstack.aws.sns;

/**
 * An SNS error as AWS reports it: the code decides which SDK exception the client throws, so it must match AWS's.
 */
final class SnsException extends RuntimeException {

    private final String code;
    private final int status;

    SnsException(String code, int status, String message) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
    }

    static SnsException invalidParameter(String message) {
        return new SnsException("InvalidParameter", 400, message);
    }

    static SnsException parameterValueInvalid(String message) {
        return new SnsException("ParameterValueInvalid", 400, message);
    }

    static SnsException notFound(String message) {
        return new SnsException("NotFound", 404, message);
    }

    String code() {
        return code;
    }

    int status() {
        return status;
    }
}
