package io.eventshop.badshape.application;

import io.eventshop.badshape.web.Endpoint;
import org.springframework.http.HttpStatus;

/** A fixture of ServiceArchitectureTests: a use case that knows HTTP and calls into the web layer. */
public final class Reporter {

    public HttpStatus report(Endpoint endpoint) {
        return endpoint.status();
    }
}
