create schema if not exists returns;

-- One return policy per store; a store without a row uses the defaults (30 days, no fee, shopper pays shipping).
create table returns.policy (
    store_id                 uuid primary key,
    window_days              integer       not null check (window_days between 0 and 3650),
    restocking_fee_percent   numeric(5, 2) not null check (restocking_fee_percent between 0 and 100),
    return_shipping_paid_by  text          not null check (return_shipping_paid_by in ('CUSTOMER', 'MERCHANT')),
    non_returnable_skus      text[]        not null default '{}',
    non_returnable_tags      text[]        not null default '{}',
    updated_at               timestamptz   not null default now()
);

-- Gap-free RMA numbers per store: the row is locked by the transaction that opens a return, so a rolled-back
-- request gives its number back.
create table returns.rma_counter (
    store_id     uuid primary key,
    last_number  bigint not null
);

create table returns.return_request (
    store_id           uuid        not null,
    id                 uuid        not null,
    number             bigint      not null,
    order_id           uuid        not null,
    order_number       text        not null,
    customer_id        uuid,
    email              text        not null,
    status             text        not null check (status in ('REQUESTED', 'APPROVED', 'REJECTED', 'RECEIVED',
                                                              'INSPECTED', 'RESOLVING', 'RESOLVED')),
    opened_by          text        not null check (opened_by in ('SHOPPER', 'STAFF')),
    note               text,
    currency           char(3)     not null,
    restocking_fee_percent numeric(5, 2) not null,
    return_shipping_paid_by text   not null,
    rejection_reason   text,
    label_url          text,
    resolution         text check (resolution in ('REFUND', 'STORE_CREDIT', 'EXCHANGE')),
    credit_amount      numeric(19, 4),
    fee_amount         numeric(19, 4),
    refund_amount      numeric(19, 4),
    store_credit_amount numeric(19, 4),
    exchange_order_id  uuid,
    -- a settlement is worked by one request at a time: it holds the lease from resolving_since; a later request may
    -- take over a lease older than two minutes (a crashed node). resolve_attempt names the refund keys.
    resolving_since    timestamptz,
    resolve_attempt    integer     not null default 0,
    requested_at       timestamptz not null default now(),
    approved_at        timestamptz,
    rejected_at        timestamptz,
    received_at        timestamptz,
    inspected_at       timestamptz,
    resolved_at        timestamptz,
    version            integer     not null default 0,
    primary key (store_id, id),
    unique (store_id, number),
    check (resolution is null or status in ('RESOLVING', 'RESOLVED'))
);

create index return_request_list on returns.return_request (store_id, requested_at desc, id desc);
create index return_request_order on returns.return_request (store_id, order_id);

create table returns.return_item (
    store_id            uuid          not null,
    id                  uuid          not null,
    return_id           uuid          not null,
    position            integer       not null,
    order_line_id       uuid          not null,
    sku                 text          not null,
    product_id          uuid,
    title               text          not null,
    variant_title       text,
    quantity            integer       not null check (quantity > 0),
    reason              text          not null,
    comment             text,
    unit_value          numeric(19, 4) not null,
    restocked_quantity  integer       not null default 0 check (restocked_quantity >= 0),
    damaged_quantity    integer       not null default 0 check (damaged_quantity >= 0),
    restock_location_id uuid,
    inspected_at        timestamptz,
    primary key (store_id, id),
    foreign key (store_id, return_id) references returns.return_request (store_id, id),
    check (inspected_at is null or restocked_quantity + damaged_quantity = quantity)
);

create index return_item_return on returns.return_item (store_id, return_id, position);

-- How many units of each order line are claimed by returns that are not rejected: a request adds its units in one
-- conditional statement that cannot pass the returnable limit, so two requests for the same units cannot both pass.
create table returns.claimed_units (
    store_id        uuid    not null,
    order_id        uuid    not null,
    order_line_id   uuid    not null,
    claimed         integer not null check (claimed >= 0),
    returnable      integer not null check (returnable >= 0),
    primary key (store_id, order_id, order_line_id),
    check (claimed <= returnable)
);

-- Store credit: one balance per customer and currency that never goes below zero, and its append-only ledger.
create table returns.store_credit (
    store_id     uuid          not null,
    customer_id  uuid          not null,
    currency     char(3)       not null,
    balance      numeric(19, 4) not null check (balance >= 0),
    updated_at   timestamptz   not null default now(),
    primary key (store_id, customer_id, currency)
);

create table returns.store_credit_entry (
    store_id      uuid          not null,
    id            bigint generated always as identity,
    customer_id   uuid          not null,
    currency      char(3)       not null,
    amount        numeric(19, 4) not null check (amount <> 0),
    balance_after numeric(19, 4) not null check (balance_after >= 0),
    return_id     uuid,
    reference     text,
    note          text,
    actor_name    text          not null,
    created_at    timestamptz   not null default now(),
    primary key (store_id, id)
);

create index store_credit_entry_customer on returns.store_credit_entry (store_id, customer_id, id desc);
-- a return credits once, whatever retries
create unique index store_credit_entry_return on returns.store_credit_entry (store_id, return_id) where return_id is not null;

-- Units sold per SKU, fed by OrderPlaced: the denominator of the return rate report, without reading the orders schema.
create table returns.sku_sales (
    store_id  uuid    not null,
    sku       text    not null,
    title     text    not null,
    sold      bigint  not null check (sold >= 0),
    primary key (store_id, sku)
);

create table returns.counted_order (
    store_id  uuid not null,
    order_id  uuid not null,
    primary key (store_id, order_id)
);
