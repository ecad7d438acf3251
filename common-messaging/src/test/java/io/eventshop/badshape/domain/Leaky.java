package io.eventshop.badshape.domain;

import org.springframework.util.Assert;

/** A fixture of ServiceArchitectureTests: a domain class that uses Spring. */
public final class Leaky {

    public Leaky(String name) {
        Assert.hasText(name, "name");
    }
}
