package io.eventshop.badshape.web;

import io.eventshop.badshape.application.Reporter;
import org.springframework.http.HttpStatus;

/** A fixture of ServiceArchitectureTests: with Reporter, a cycle between two packages. */
public final class Endpoint {

    public HttpStatus status() {
        return new Reporter().report(this);
    }
}
