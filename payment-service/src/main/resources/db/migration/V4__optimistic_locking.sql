-- Payments and refunds are JPA entities with optimistic locking: a compensating event, the refund retry job and an
-- attempt started right after a compensation can change the same payment at once, and the second to commit must fail
-- rather than overwrite the first. The refund has a version of its own, as a refusal or a claimed attempt changes only
-- its row.
alter table payment add column version bigint not null default 0;
alter table refund add column version bigint not null default 0;
