-- An event's created_at is when its row is written, not when its transaction began (now()). A handler that calls an
-- outside provider before it adds its event (payment-service, 50 ms; shipping-service's carrier, 100 ms) made every
-- figure that starts at created_at longer by that call: the relay's lag (eventshop.outbox.lag), the outbox's oldest
-- age, and commit to published in the saga benchmark. The row is written just before the commit, so created_at is now
-- close to the commit that the relay waits for.
alter table outbox_event alter column created_at set default clock_timestamp();
