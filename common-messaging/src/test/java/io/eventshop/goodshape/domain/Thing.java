package io.eventshop.goodshape.domain;

/** A fixture of ServiceArchitectureTests: a domain class that uses nothing but Java. */
public record Thing(String name) {}
