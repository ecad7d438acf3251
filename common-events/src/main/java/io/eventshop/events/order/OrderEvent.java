package io.eventshop.events.order;

import io.eventshop.events.IntegrationEvent;

/** An event published by order-service. */
public sealed interface OrderEvent extends IntegrationEvent
        permits OrderPlaced, OrderConfirmed, OrderCancelled, OrderCancellationRequested {}
