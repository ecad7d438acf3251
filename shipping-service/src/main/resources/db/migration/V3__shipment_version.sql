-- The version that JPA checks and increments on every update of a shipment (@Version): a cancellation based on a
-- stale read fails, and its message is retried, instead of overwriting a newer state.
alter table shipment add column version bigint not null default 0;
