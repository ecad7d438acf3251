-- inventory-service's tables. V2 (CatalogueSeed, a Java migration) fills the catalogue.

-- The catalogue and the stock: received = the initial stock + restocks; what is neither available nor reserved left
-- with confirmed orders.
create table product (
    sku       text          primary key,
    name      text          not null,
    price     numeric(12, 2) not null check (price >= 0),
    currency  char(3)       not null,
    available integer       not null check (available >= 0),
    reserved  integer       not null check (reserved >= 0),
    received  integer       not null,
    check (available + reserved <= received)
);

-- What inventory keeps of each OrderPlaced: the lines to reserve and what StockReserved carries on to shipping.
create table order_request (
    order_id         uuid        primary key,
    customer_id      text        not null,
    lines            jsonb       not null,  -- [{"sku": "SKU-1001", "quantity": 2}]
    shipping_address jsonb       not null,
    received_at      timestamptz not null default now()
);

-- At most one reservation per order. Only an ACTIVE one holds stock.
create table reservation (
    id         uuid        primary key,
    order_id   uuid        not null unique,
    status     text        not null check (status in ('ACTIVE', 'RELEASED', 'COMMITTED')),
    lines      jsonb       not null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);

-- Orders cancelled before anything was reserved: a later PaymentAuthorized must not reserve for them.
create table order_tombstone (
    order_id    uuid        primary key,
    reason      text        not null,
    recorded_at timestamptz not null default now()
);
