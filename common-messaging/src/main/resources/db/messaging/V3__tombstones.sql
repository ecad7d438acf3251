-- Tombstones: orders whose cancellation reached a service before the event that would have started its part of the
-- saga. The late event finds the tombstone and is answered with a failure instead of a charge, a reservation or a
-- booking. One table for every service (each service has its own database), written by Tombstones.
create table tombstone (
    order_id    uuid        primary key,
    reason      text        not null,
    recorded_at timestamptz not null
);
