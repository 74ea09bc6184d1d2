-- The key in the shopper's order status link (confirmation mail and page): random, 256 bits, one per order, so a guest
-- can open the order from the mail in any browser. Kept as is (the mail is written after the order commits, from the
-- outbox, so the key must be readable then); it opens only the status page of its own order.
alter table orders.customer_order
    add column status_key text not null
        default ('osk_' || replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', ''));
