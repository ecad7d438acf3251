-- The relay's claim reads the unpublished rows of a destination in creation order (V2's indexes), and finds the groups
-- that wait for a retry apart, from the rows whose publication failed (OutboxRepository.findPublishable). Only rows
-- that failed have attempts > 0, and only they can have a next attempt in the future, so the groups that wait are
-- found in an index of those few rows.
--
-- Every publication is an update of the row that cannot be HOT (it changes a column of the partial indexes'
-- predicates), so it writes an entry in each index whose predicate the new row version still meets. The indexes of
-- unpublished rows per message group (V1) and of every unpublished row's next attempt (V2) are no longer read; dropping
-- them leaves an insert with 5 index entries instead of 8, and the two publications with 4 and 3 instead of 6 and 3.
drop index outbox_event_sns_pending;
drop index outbox_event_events_pending;
drop index outbox_event_retrying;

create index outbox_event_failed on outbox_event (next_attempt_at)
    where attempts > 0 and (sns_published_at is null or events_published_at is null);
