-- Draft orders (staff build an order, the shopper pays through a link), pay links (a draft's or an edited
-- order's balance), and the record of order edits. Every key leads with store_id.

-- One row per store; D1001 first. Drafts may be deleted, so their numbers may have gaps (unlike orders').
create table orders.draft_number_counter (
    store_id    uuid   not null primary key,
    last_number bigint not null check (last_number >= 1000)
);

create table orders.draft_order (
    store_id          uuid          not null,
    id                uuid          not null,
    number            bigint        not null check (number > 1000),
    status            text          not null check (status in ('OPEN', 'INVOICE_SENT', 'COMPLETED')),
    customer_id       uuid,
    email             text          not null check (length(email) between 3 and 320),
    currency          char(3)       not null,
    tax_exempt        boolean       not null default false,
    shipping_address  jsonb,
    -- a shipping line typed by staff (orders do not depend on checkout's shipping methods)
    shipping_name     text          check (length(shipping_name) between 1 and 200),
    shipping_price    numeric(19,4) check (shipping_price >= 0),
    note              text          check (length(note) <= 5000),
    -- the one payment attempt in progress (its key) and the stock held for it; cleared when it fails
    attempt_key       text,
    attempt_started   timestamptz,
    reservation_ref   text,
    -- the order the draft became; its id is the draft's id, so converting twice yields one order
    order_id          uuid,
    invoice_sent_at   timestamptz,
    completed_at      timestamptz,
    created_at        timestamptz   not null default now(),
    updated_at        timestamptz   not null default now(),
    version           integer       not null default 0,
    primary key (store_id, id),
    unique (store_id, number),
    check ((shipping_name is null) = (shipping_price is null)),
    check ((status = 'COMPLETED') = (order_id is not null))
);
create index draft_order_newest on orders.draft_order (store_id, created_at desc, id desc);

create table orders.draft_order_line (
    store_id     uuid          not null,
    draft_id     uuid          not null,
    position     integer       not null,
    sku          text          not null check (length(sku) between 1 and 255),
    quantity     integer       not null check (quantity between 1 and 100000),
    -- null: the catalog's price in the draft's currency at the time of pricing
    custom_price numeric(19,4) check (custom_price >= 0),
    price_reason text          check (length(price_reason) <= 500),
    primary key (store_id, draft_id, position),
    unique (store_id, draft_id, sku),
    foreign key (store_id, draft_id) references orders.draft_order (store_id, id) on delete cascade,
    check (custom_price is not null or price_reason is null)
);

-- A link a shopper pays through: a draft's (id = the draft's id) or an edited order's balance (order_id).
-- Only the SHA-256 of the token is kept. The public page finds the link by its id alone (the email may be opened
-- on any host), hence the unique index on id; the token then proves the right to see and pay it.
create table orders.pay_link (
    store_id    uuid        not null,
    id          uuid        not null,
    draft_id    uuid,
    order_id    uuid,
    token_hash  char(64)    not null check (token_hash ~ '^[0-9a-f]{64}$'),
    created_at  timestamptz not null default now(),
    primary key (store_id, id),
    check ((draft_id is null) <> (order_id is null))
);
create unique index pay_link_by_id on orders.pay_link (id);

-- One row per committed edit, numbered per order from 1; the key makes two concurrent commits of the same
-- number impossible (the loser rolls back whole).
create table orders.order_edit (
    store_id       uuid          not null,
    order_id       uuid          not null,
    number         integer       not null check (number >= 1),
    currency       char(3)       not null,
    total_before   numeric(19,4) not null,
    total_after    numeric(19,4) not null,
    changes        jsonb         not null,
    actor_name     text          not null,
    created_at     timestamptz   not null default now(),
    primary key (store_id, order_id, number),
    foreign key (store_id, order_id) references orders.customer_order (store_id, id)
);
