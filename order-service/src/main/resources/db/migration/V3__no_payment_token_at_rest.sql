-- The payment token no longer rests in order-service: it goes, sealed for payment-service, into the OrderPlaced event
-- that the order's transaction writes to the outbox, and nowhere else.
alter table customer_order drop column payment_token;
