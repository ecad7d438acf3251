package io.eventshop.badshape.persistence;

import io.eventshop.devstack.aws.LocalAwsEndpoint;

/** A fixture of ServiceArchitectureTests: a service class that depends on the devstack. */
public final class Borrowed {

    public String url(LocalAwsEndpoint endpoint) {
        return endpoint.url().toString();
    }
}
