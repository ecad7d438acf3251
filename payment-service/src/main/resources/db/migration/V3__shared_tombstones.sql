-- The tombstones move to the table tombstone that every service shares (common-messaging's db/messaging V3, migrated
-- before this), written by common-messaging's Tombstones. The rows recorded so far go with them.
insert into tombstone (order_id, reason, recorded_at)
select order_id, reason, recorded_at from cancelled_order
on conflict (order_id) do nothing;

drop table cancelled_order;
