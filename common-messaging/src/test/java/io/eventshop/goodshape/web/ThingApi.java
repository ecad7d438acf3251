package io.eventshop.goodshape.web;

import io.eventshop.goodshape.application.Things;
import io.eventshop.goodshape.domain.Thing;
import org.springframework.http.ResponseEntity;

/** A fixture of ServiceArchitectureTests: the web layer uses the application and the domain. */
public final class ThingApi {

    private final Things things;

    public ThingApi(Things things) {
        this.things = things;
    }

    public ResponseEntity<Thing> get(String name) {
        return ResponseEntity.of(things.find(name));
    }
}
