/**
 * The integration event contracts of eventshop.
 *
 * <p>It is a named module because the sealed event hierarchy spans one package per producing service, which Java allows
 * only inside a named module. On a class path (as in the services' Spring Boot jars) it works unchanged.
 */
module io.eventshop.events {
    requires tools.jackson.databind;

    exports io.eventshop.events;
    exports io.eventshop.events.order;
    exports io.eventshop.events.payment;
    exports io.eventshop.events.inventory;
    exports io.eventshop.events.shipping;
    exports io.eventshop.events.notification;

    // Jackson binds the event records reflectively.
    opens io.eventshop.events.order to
            tools.jackson.databind;
    opens io.eventshop.events.payment to
            tools.jackson.databind;
    opens io.eventshop.events.inventory to
            tools.jackson.databind;
    opens io.eventshop.events.shipping to
            tools.jackson.databind;
    opens io.eventshop.events.notification to
            tools.jackson.databind;
}
