package io.eventshop.goodshape.persistence;

import io.eventshop.goodshape.application.Things;
import io.eventshop.goodshape.domain.Thing;
import io.eventshop.messaging.tombstone.Tombstones;
import java.util.Optional;

/** A fixture of ServiceArchitectureTests: an adapter that implements a port and uses a shared library. */
public final class ThingRepository implements Things {

    @SuppressWarnings("unused")
    private Tombstones tombstones;

    @Override
    public Optional<Thing> find(String name) {
        return Optional.of(new Thing(name));
    }
}
