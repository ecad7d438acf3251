package io.eventshop.goodshape.application;

import io.eventshop.goodshape.domain.Thing;
import java.util.Optional;

/** A fixture of ServiceArchitectureTests: a repository port in the application layer. */
public interface Things {

    Optional<Thing> find(String name);
}
