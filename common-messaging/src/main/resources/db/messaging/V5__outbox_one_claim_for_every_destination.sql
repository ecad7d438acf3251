-- The relay claims the events that any destination still lacks, in creation order, and publishes each batch of them to
-- every destination it is due on (OutboxRepository.findPublishable, BatchRelay). One partial index of those rows
-- replaces V2's index per destination, and a batch's publications are one update of each row instead of one per
-- destination: one new row version and its index entries per event, not two.
create index outbox_event_pending_in_order on outbox_event (id)
    where sns_published_at is null or events_published_at is null;

drop index outbox_event_sns_pending_in_order;
drop index outbox_event_events_pending_in_order;
