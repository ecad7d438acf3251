-- shipping-service's tables.

-- At most one shipment per order: SCHEDULED with a carrier, FAILED, or CANCELLED after it was scheduled.
create table shipment (
    id              uuid        primary key,
    order_id        uuid        not null unique,
    customer_id     text        not null,
    status          text        not null check (status in ('SCHEDULED', 'FAILED', 'CANCELLED')),
    carrier         text,
    tracking_number text,
    failure_reason  text,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    check (status <> 'SCHEDULED' or tracking_number is not null)
);

-- Orders cancelled before their stock was reserved: a later StockReserved must not reach the carrier.
create table shipment_tombstone (
    order_id    uuid        primary key,
    reason      text        not null,
    recorded_at timestamptz not null default now()
);
