-- The tables of eventshop's reliable messaging (common-messaging). They are migrated by the library itself, with its
-- own history table (flyway_messaging_history), so their versions never collide with a service's db/migration.

-- Transactional outbox: a service writes its events here in the same transaction as its state change, and the
-- OutboxRelay publishes them to the SNS FIFO topic and the EventBridge bus afterwards.
create table outbox_event (
    id                  bigserial primary key,           -- creation order: the relay publishes in this order
    event_id            uuid        not null unique,     -- the envelope's eventId, and the SNS deduplication id
    event_type          text        not null,
    ordering_key        text        not null,            -- the message group: the orderId, or the sku
    source              text        not null,            -- the publishing service, e.g. payment-service
    payload             text        not null,            -- the envelope JSON, exactly as it is published
    attributes          jsonb       not null,            -- message attributes: eventType, source, orderId, amount, traceparent
    created_at          timestamptz not null default now(),
    sns_published_at    timestamptz,                     -- publication state, one column per destination
    events_published_at timestamptz,
    attempts            integer     not null default 0,  -- failed publication attempts, on any destination
    next_attempt_at     timestamptz not null default now(),
    last_error          text
);

-- The relay looks for the oldest unpublished event of each group, per destination.
create index outbox_event_sns_pending on outbox_event (ordering_key, id) where sns_published_at is null;
create index outbox_event_events_pending on outbox_event (ordering_key, id) where events_published_at is null;
-- Published rows are deleted after a retention period.
create index outbox_event_created_at on outbox_event (created_at);

-- Idempotent consumer: a consumer's handler commits its state change together with a row here, so an event that
-- arrives twice has its effect once.
create table inbox_message (
    consumer    text        not null,
    event_id    uuid        not null,
    event_type  text        not null,
    received_at timestamptz not null default now(),
    primary key (consumer, event_id)
);

create index inbox_message_received_at on inbox_message (received_at);
