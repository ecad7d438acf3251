-- Tombstones now live in common-messaging's table `tombstone` (db/messaging V3, migrated before this service's
-- migrations), written by the shared Tombstones. The orders buried in shipping's own table move there.
insert into tombstone (order_id, reason, recorded_at)
select order_id, reason, recorded_at from shipment_tombstone
on conflict (order_id) do nothing;

drop table shipment_tombstone;
