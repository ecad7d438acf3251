-- The relay claims the events that are unpublished on a destination in creation order (OutboxRepository
-- .findPublishable: "order by id limit n"). These partial indexes hold only the unpublished rows of one destination,
-- so the claim reads the oldest of them straight from the index, without sorting every pending row; they stay small,
-- as rows leave them once published. The V1 indexes on (ordering_key, id) still find the groups that wait for a retry.
create index outbox_event_sns_pending_in_order on outbox_event (id) where sns_published_at is null;
create index outbox_event_events_pending_in_order on outbox_event (id) where events_published_at is null;
