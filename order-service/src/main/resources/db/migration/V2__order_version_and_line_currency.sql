-- The order aggregate as a JPA entity (Spring Data JPA): what the mapping needs, on the same tables and columns.

-- Optimistic locking: an event handler, a customer's cancellation and the deadline job may change one order at once;
-- each update checks and increments the version, so the second of two concurrent changes fails and is done again.
alter table customer_order add column version bigint not null default 0;

-- A line's unit price is Money, so the line keeps its currency: always the order's, as an order is in one currency.
alter table order_line add column currency text;
update order_line l set currency = o.currency from customer_order o where o.id = l.order_id;
alter table order_line alter column currency set not null;
alter table order_line add constraint order_line_currency_is_iso_4217 check (currency ~ '^[A-Z]{3}$');

-- JPA maps a String to a character varying type, and Hibernate's schema validation refuses char(n) for it: the
-- fixed-length codes become text, with their format checked here as the domain checks it.
alter table customer_order alter column currency type text,
                           alter column ship_to_country type text;
alter table customer_order add constraint customer_order_currency_is_iso_4217 check (currency ~ '^[A-Z]{3}$'),
                           add constraint customer_order_ship_to_country_is_iso_3166 check (ship_to_country ~ '^[A-Z]{2}$');
