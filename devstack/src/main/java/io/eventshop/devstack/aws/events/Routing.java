package io.eventshop.devstack.aws.events;

/** One event on its way to one target of the rule that matched it. */
record Routing(RoutedEvent routed, Target target) {}
