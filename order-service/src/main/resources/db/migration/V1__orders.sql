-- order-service's own tables. The outbox and inbox tables come from common-messaging (db/messaging).

-- The replica of the catalogue's prices, fed by inventory's ProductPriceChanged events.
create table product_price (
    sku        text           primary key,
    name       text           not null,
    price      numeric(12, 2) not null check (price >= 0),
    currency   char(3)        not null,
    updated_at timestamptz    not null          -- the occurredAt of the event that set this price
);

-- The order aggregate: the order, its lines and the history of its saga.
create table customer_order (
    id                   uuid           primary key,
    customer_id          text           not null,
    status               text           not null,  -- PENDING, CONFIRMED, CANCELLED, NEEDS_ATTENTION
    total_amount         numeric(12, 2) not null,
    currency             char(3)        not null,
    payment_token        text           not null,
    ship_to_name         text           not null,
    ship_to_street       text           not null,
    ship_to_city         text           not null,
    ship_to_postal_code  text           not null,
    ship_to_country      char(2)        not null,
    saga_step            text           not null,  -- the current step of the saga
    failure_reason       text,
    cancellation_reason  text,
    created_at           timestamptz    not null,
    updated_at           timestamptz    not null
);

create index customer_order_by_customer on customer_order (customer_id, created_at desc);
create index customer_order_by_status on customer_order (status, created_at);

create table order_line (
    order_id   uuid           not null references customer_order (id),
    line_no    integer        not null,
    sku        text           not null,
    quantity   integer        not null check (quantity > 0),
    unit_price numeric(12, 2) not null,
    primary key (order_id, line_no)
);

create table saga_step (
    order_id uuid        not null references customer_order (id),
    seq      integer     not null,
    step     text        not null,
    at       timestamptz not null,
    primary key (order_id, seq)
);

-- The Idempotency-Key of POST /orders: a retry with the same key and request returns the order it placed.
create table idempotency_key (
    idempotency_key text        primary key,
    request_hash    text        not null,  -- SHA-256 of the request, to tell a retry from a reuse of the key
    order_id        uuid        not null,
    created_at      timestamptz not null default now()
);
