-- The simulated payment provider's books. They stand for the provider's own systems, which outlive any restart of
-- payment-service: what it charged and refunded, and which idempotency keys it has answered. Only the simulated
-- provider (SimulatedPaymentProvider, through JdbcProviderBooks) touches them, each write in its own transaction.

-- The first answer to each authorization's idempotency key; a charge when it was approved.
create table simulated_provider_authorization (
    idempotency_key text           primary key,
    approved        boolean        not null,
    reference       text           unique,          -- the payment reference when approved
    decline_reason  text,
    token           text           not null,
    amount          numeric(19, 2) not null,
    currency        char(3)        not null,
    at              timestamptz    not null default now()
);

-- The accepted refund of each refund idempotency key.
create table simulated_provider_refund (
    idempotency_key text           primary key,
    reference       text           not null,
    amount          numeric(19, 2) not null,
    currency        char(3)        not null,
    at              timestamptz    not null default now()
);

-- How often the refunds of a payment were refused (test card tok_refund_refused).
create table simulated_provider_refusal (
    reference text    primary key,
    refusals  integer not null
);
