-- payment-service's own tables. The messaging tables (outbox_event, inbox_message) are migrated by common-messaging.

-- One payment per order: authorized or declined by the provider, then perhaps refunded.
create table payment (
    id                 uuid           primary key,
    order_id           uuid           not null unique,
    customer_id        text           not null,
    amount             numeric(19, 2) not null,
    currency           char(3)        not null,
    status             text           not null check (status in ('AUTHORIZED', 'DECLINED', 'REFUND_PENDING', 'REFUNDED')),
    provider_reference text,
    decline_reason     text,
    created_at         timestamptz    not null
);

-- The refund of a payment (at most one: refunds are of the whole amount). correlation_id and causation_id are those of
-- the event that asked for it, so that the events of a late retry still join the order's saga.
create table refund (
    id               uuid        primary key,
    payment_id       uuid        not null unique references payment (id),
    reason           text        not null,
    status           text        not null check (status in ('PENDING', 'COMPLETED')),
    failed_attempts  integer     not null,
    next_attempt_at  timestamptz,
    last_failure     text,
    attention_raised boolean     not null,
    correlation_id   uuid        not null,
    causation_id     uuid        not null,
    requested_at     timestamptz not null,
    refunded_at      timestamptz
);

-- The retry job looks for the pending refunds that are due.
create index refund_due on refund (next_attempt_at) where status = 'PENDING';

-- Tombstones: orders cancelled before anything was authorized for them.
create table cancelled_order (
    order_id    uuid        primary key,
    reason      text        not null,
    recorded_at timestamptz not null
);
