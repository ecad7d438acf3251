-- The version that JPA checks and increments on every update (@Version): a write based on a stale read fails instead
-- of overwriting a newer one. Products are also locked before their stock changes; reservations rely on it alone.
alter table product add column version bigint not null default 0;
alter table reservation add column version bigint not null default 0;
