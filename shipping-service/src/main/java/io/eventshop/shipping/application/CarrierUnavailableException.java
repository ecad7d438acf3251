package io.eventshop.shipping.application;

/** The carrier could not be reached, or did not answer in time; nothing is known about the booking. */
public class CarrierUnavailableException extends RuntimeException {

    public CarrierUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
