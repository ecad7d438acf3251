-- The relay claims the events that are unpublished on a destination in creation order, less the groups whose oldest
-- unpublished event waits for a retry (OutboxRepository.findPublishable). Published rows stay for the retention period
-- (7 days by default), so the table is mostly published rows, and neither part of the claim may read them.

-- "Unpublished on this destination, oldest first": the claim reads the first rows of one of these and stops.
create index outbox_event_sns_pending_in_order on outbox_event (id) where sns_published_at is null;
create index outbox_event_events_pending_in_order on outbox_event (id) where events_published_at is null;

-- "Waiting for a retry": few rows, found by their next attempt rather than by reading every row of the table.
create index outbox_event_retrying on outbox_event (next_attempt_at)
    where sns_published_at is null or events_published_at is null;
