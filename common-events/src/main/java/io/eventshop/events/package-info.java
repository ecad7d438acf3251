/**
 * The integration event contracts of eventshop: the envelope every message carries, the sealed hierarchy of events
 * (one package per producing service), the registry of event types and their JSON mapping.
 */
package io.eventshop.events;
