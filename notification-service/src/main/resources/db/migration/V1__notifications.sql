-- notification-service's own table. The messaging tables (outbox_event, inbox_message) are migrated by common-messaging.

-- One notification per event: the inbox drops redelivered events, and event_id's uniqueness backs it up.
create table notification (
    id          uuid        primary key,
    event_id    uuid        not null unique,
    order_id    uuid        not null,
    customer_id text        not null,
    type        text        not null,
    priority    text        not null check (priority in ('NORMAL', 'PRIORITY')),
    message     text        not null,
    sent_at     timestamptz not null
);

create index notification_customer on notification (customer_id, sent_at desc);
