-- Carts of the Store API and the storefront. Lines hold what was chosen (SKU, quantity) and the catalog's words for
-- it, never a price: prices come from the catalog and pricing each time the cart is read, and are frozen only in
-- the completion snapshot once the shopper pays.
create table checkout.cart (
    store_id                uuid        not null,
    id                      uuid        not null,
    -- SHA-256 of the guest's cart token; the token itself is shown once, when the cart is created
    token_hash              bytea       not null,
    customer_id             uuid,
    currency                char(3)     not null,
    email                   text check (length(email) <= 254),
    ship_first_name         text, ship_last_name text, ship_company text, ship_phone text,
    ship_line1              text, ship_line2 text, ship_city text, ship_region text, ship_postal_code text,
    ship_country            char(2),
    bill_first_name         text, bill_last_name text, bill_company text, bill_phone text,
    bill_line1              text, bill_line2 text, bill_city text, bill_region text, bill_postal_code text,
    bill_country            char(2),
    shipping_method_id      uuid,
    status                  text        not null default 'ACTIVE'
                                        check (status in ('ACTIVE', 'COMPLETING', 'COMPLETED', 'ABANDONED')),
    -- chosen by the first completion attempt and kept: payments and inventory know the order by it
    order_id                uuid,
    -- completion attempts so far; the payment idempotency key is derived from cart id + attempt
    attempt                 integer     not null default 0,
    -- where a completion stands while COMPLETING: PRICING → RESERVING → PAYING → AWAITING_ACTION / PLACING
    stage                   text check (stage in ('PRICING', 'RESERVING', 'PAYING', 'AWAITING_ACTION', 'PLACING')),
    stage_at                timestamptz,
    -- the order as the shopper agreed to it (lines, prices, totals, addresses), written before stock or money moves
    snapshot                jsonb,
    payment_intent_id       uuid,
    reconcile_claimed_until timestamptz,
    version                 integer     not null default 0,
    created_at              timestamptz not null,
    updated_at              timestamptz not null,
    primary key (store_id, id),
    check ((status = 'COMPLETING') = (stage is not null)),
    check (status not in ('COMPLETING', 'COMPLETED') or order_id is not null)
);

create unique index cart_order_uk on checkout.cart (store_id, order_id) where order_id is not null;
create index cart_customer_idx on checkout.cart (store_id, customer_id, updated_at desc) where customer_id is not null;
-- the reconciler's queue: only carts in the middle of a completion
create index cart_completing_idx on checkout.cart (stage_at) where status = 'COMPLETING';

create table checkout.cart_line (
    store_id        uuid        not null,
    cart_id         uuid        not null,
    id              uuid        not null,
    sku             text        not null check (length(sku) between 1 and 255),
    product_id      uuid        not null,
    variant_id      uuid        not null,
    title           text        not null,
    variant_title   text,
    quantity        integer     not null check (quantity between 1 and 999),
    added_at        timestamptz not null,
    primary key (store_id, cart_id, id),
    unique (store_id, cart_id, sku),
    foreign key (store_id, cart_id) references checkout.cart (store_id, id) on delete cascade
);
