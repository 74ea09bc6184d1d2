-- Orders: the order with its lines, tax lines and timeline, the gap-free per-store number counter, and the
-- shipments recorded against it. Every key leads with store_id.
create schema if not exists orders;

-- One row per store; placing an order increments it in the placing transaction (the row lock serialises
-- numbering per store and a rolled-back place gives its number back, so numbers have no gaps).
create table orders.order_number_counter (
    store_id    uuid   not null primary key,
    last_number bigint not null check (last_number >= 1000)
);

create table orders.customer_order (
    store_id              uuid          not null,
    id                    uuid          not null,
    -- null only inside the placing transaction: the number is taken last, to hold the counter lock briefly
    number                bigint        check (number > 1000),
    channel               text          not null check (length(channel) between 1 and 40),
    status                text          not null check (status in ('OPEN', 'ON_HOLD', 'CLOSED', 'CANCELLED')),
    payment_state         text          not null check (payment_state in ('PENDING', 'AUTHORIZED', 'PARTIALLY_PAID',
                              'PAID', 'PARTIALLY_REFUNDED', 'REFUNDED', 'VOIDED')),
    fulfillment_status    text          not null check (fulfillment_status in ('UNFULFILLED', 'PARTIALLY_FULFILLED',
                              'FULFILLED')),
    customer_id           uuid,
    email                 text          not null check (length(email) between 3 and 320),
    shopper_token_hash    char(64)      check (shopper_token_hash ~ '^[0-9a-f]{64}$'),
    -- presentment totals (what the shopper paid in)
    currency              char(3)       not null,
    prices_include_tax    boolean       not null,
    tax_exempt            boolean       not null default false,
    tax_zone              text,
    tax_rounding          text          not null,
    subtotal              numeric(19,4) not null,
    discount_total        numeric(19,4) not null check (discount_total >= 0),
    shipping              numeric(19,4) not null check (shipping >= 0),
    shipping_tax          numeric(19,4) not null check (shipping_tax >= 0),
    tax_total             numeric(19,4) not null check (tax_total >= 0),
    total                 numeric(19,4) not null check (total >= 0),
    -- the same totals in the store's currency and the rate used (store currency x rate = presentment)
    store_currency        char(3)       not null,
    exchange_rate         numeric(19,8) check (exchange_rate > 0),
    store_subtotal        numeric(19,4) not null,
    store_discount_total  numeric(19,4) not null,
    store_shipping        numeric(19,4) not null,
    store_tax_total       numeric(19,4) not null,
    store_total           numeric(19,4) not null,
    shipping_method_id    text,
    shipping_method_name  text,
    promised_by           date,
    shipping_address      jsonb,
    billing_address       jsonb,
    risk_score            smallint      not null check (risk_score between 0 and 100),
    risk_level            text          not null check (risk_level in ('LOW', 'MEDIUM', 'HIGH')),
    risk_reasons          jsonb         not null default '[]',
    tags                  text[]        not null default '{}',
    note                  text          check (length(note) <= 5000),
    cancel_reason         text,
    client_address        text,
    payment_intent_id     uuid,
    reservation_reference text,
    placed_at             timestamptz   not null default now(),
    cancelled_at          timestamptz,
    closed_at             timestamptz,
    updated_at            timestamptz   not null default now(),
    version               integer       not null default 0,
    primary key (store_id, id),
    unique (store_id, number),
    check ((status = 'CANCELLED') = (cancelled_at is not null))
);
create index customer_order_newest on orders.customer_order (store_id, placed_at desc, id desc);
create index customer_order_by_email on orders.customer_order (store_id, lower(email), placed_at desc);
create index customer_order_by_customer on orders.customer_order (store_id, customer_id, placed_at desc, id desc)
    where customer_id is not null;

-- An order never commits without its number.
create function orders.require_order_number() returns trigger language plpgsql as $$
begin
    if exists (select 1 from orders.customer_order where store_id = new.store_id and id = new.id and number is null) then
        raise exception 'order % was placed without a number', new.id using errcode = 'check_violation';
    end if;
    return null;
end $$;
create constraint trigger customer_order_numbered after insert on orders.customer_order
    deferrable initially deferred for each row execute function orders.require_order_number();

create table orders.order_line (
    store_id           uuid          not null,
    order_id           uuid          not null,
    id                 uuid          not null,
    position           integer       not null,
    reference          text          not null,
    sku                text          not null,
    product_id         uuid,
    variant_id         uuid,
    title              text          not null,
    variant_title      text,
    quantity           integer       not null check (quantity > 0),
    fulfilled_quantity integer       not null default 0 check (fulfilled_quantity >= 0),
    cancelled_quantity integer       not null default 0 check (cancelled_quantity >= 0),
    currency           char(3)       not null,
    unit_price         numeric(19,4) not null check (unit_price >= 0),
    discount           numeric(19,4) not null check (discount >= 0),
    tax                numeric(19,4) not null check (tax >= 0),
    total              numeric(19,4) not null,
    tax_class          text,
    grams              integer       check (grams >= 0),
    requires_shipping  boolean       not null,
    primary key (store_id, id),
    unique (store_id, order_id, reference),
    unique (store_id, order_id, position),
    foreign key (store_id, order_id) references orders.customer_order (store_id, id),
    -- never ship or cancel more than was bought: concurrent fulfilments are refused by this check
    check (fulfilled_quantity + cancelled_quantity <= quantity)
);

create table orders.order_tax_line (
    store_id  uuid          not null,
    order_id  uuid          not null,
    position  integer       not null,
    zone      text          not null,
    tax_class text          not null,
    name      text          not null,
    percent   numeric(9,4)  not null,
    compound  boolean       not null,
    currency  char(3)       not null,
    taxable   numeric(19,4) not null,
    amount    numeric(19,4) not null,
    primary key (store_id, order_id, position),
    foreign key (store_id, order_id) references orders.customer_order (store_id, id)
);

-- Append-only (trigger below). dedupe_key makes an entry written by a redelivered event a no-op.
create table orders.timeline_entry (
    store_id   uuid        not null,
    order_id   uuid        not null,
    seq        bigint      generated always as identity,
    kind       text        not null check (length(kind) between 1 and 60),
    message    text        not null,
    actor_type text        not null,
    actor_id   text        not null,
    actor_name text        not null,
    at         timestamptz not null default clock_timestamp(),
    data       jsonb       not null default '{}',
    dedupe_key text,
    primary key (store_id, order_id, seq),
    foreign key (store_id, order_id) references orders.customer_order (store_id, id)
);
create unique index timeline_entry_dedupe on orders.timeline_entry (store_id, order_id, dedupe_key)
    where dedupe_key is not null;

create function orders.timeline_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the order timeline is append-only' using errcode = 'restrict_violation';
end $$;
create trigger timeline_entry_append_only before update or delete on orders.timeline_entry
    for each row execute function orders.timeline_is_append_only();

-- A shipment fulfilment reported (once per shipment reference) and the units of each line it carried.
create table orders.fulfillment (
    store_id           uuid        not null,
    order_id           uuid        not null,
    shipment_reference text        not null check (length(shipment_reference) between 1 and 200),
    recorded_at        timestamptz not null default now(),
    primary key (store_id, order_id, shipment_reference),
    foreign key (store_id, order_id) references orders.customer_order (store_id, id)
);

create table orders.fulfillment_line (
    store_id           uuid    not null,
    order_id           uuid    not null,
    shipment_reference text    not null,
    line_id            uuid    not null,
    quantity           integer not null check (quantity > 0),
    primary key (store_id, order_id, shipment_reference, line_id),
    foreign key (store_id, order_id, shipment_reference)
        references orders.fulfillment (store_id, order_id, shipment_reference),
    foreign key (store_id, line_id) references orders.order_line (store_id, id)
);
