create schema if not exists fulfillment;

-- what fulfilment keeps of a placed order (from OrderPlaced): one row per order, so a redelivered event changes nothing
create table fulfillment.order_plan (
    store_id          uuid        not null,
    order_id          uuid        not null,
    order_number      text        not null,
    email             text        not null,
    ship_name         text,
    ship_company      text,
    ship_phone        text,
    ship_line1        text,
    ship_line2        text,
    ship_city         text,
    ship_region       text,
    ship_postal_code  text,
    ship_country      text,
    shipping_method   text,
    promised_by       date,
    currency          char(3)     not null,
    held              boolean     not null default false,
    cancelled         boolean     not null default false,
    placed_at         timestamptz not null,
    primary key (store_id, order_id)
);

-- the part of an order one location ships
create table fulfillment.fulfillment_order (
    store_id     uuid        not null,
    id           uuid        not null,
    order_id     uuid        not null,
    location_id  uuid        not null,
    -- the location's name when the order was planned (for lists; the location itself lives in inventory)
    location_name text       not null,
    status       text        not null check (status in ('OPEN', 'PARTIALLY_FULFILLED', 'FULFILLED', 'CANCELLED')),
    held         boolean     not null default false,
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    primary key (store_id, id),
    foreign key (store_id, order_id) references fulfillment.order_plan (store_id, order_id)
);
create index fulfillment_order_by_order on fulfillment.fulfillment_order (store_id, order_id);
create index fulfillment_order_queue on fulfillment.fulfillment_order (store_id, status, created_at, id);

-- one order line (or the part of it) a fulfilment order ships; the checks are the "never ship more than ordered" rule
create table fulfillment.fulfillment_line (
    store_id              uuid          not null,
    fulfillment_order_id  uuid          not null,
    line_id               uuid          not null,
    sku                   text          not null,
    title                 text          not null,
    variant_title         text,
    quantity              integer       not null check (quantity >= 0),
    packed_quantity       integer       not null default 0 check (packed_quantity >= 0),
    shipped_quantity      integer       not null default 0 check (shipped_quantity >= 0),
    cancelled_quantity    integer       not null default 0 check (cancelled_quantity >= 0),
    unit_price            numeric(19,4) not null,
    currency              char(3)       not null,
    grams                 integer,
    primary key (store_id, fulfillment_order_id, line_id),
    foreign key (store_id, fulfillment_order_id) references fulfillment.fulfillment_order (store_id, id),
    check (shipped_quantity + cancelled_quantity <= quantity),
    check (packed_quantity <= quantity - shipped_quantity - cancelled_quantity)
);

-- carriers a store uses, with the secret its tracking webhooks are signed with
create table fulfillment.carrier_account (
    store_id        uuid        not null,
    carrier         text        not null,
    enabled         boolean     not null default true,
    webhook_secret  text        not null,
    updated_at      timestamptz not null,
    primary key (store_id, carrier)
);

-- a table-rate carrier's prices: per service and zone (countries, '*' = everywhere else) by weight band
create table fulfillment.carrier_rate (
    store_id      uuid          not null,
    id            uuid          not null,
    carrier       text          not null,
    service       text          not null,
    service_name  text          not null,
    zone          text          not null,
    countries     text[]        not null,
    max_grams     integer       not null check (max_grams > 0),
    price         numeric(19,4) not null check (price >= 0),
    currency      char(3)       not null,
    transit_days  integer       not null check (transit_days between 0 and 60),
    primary key (store_id, id),
    unique (store_id, carrier, service, zone, max_grams)
);

-- customs defaults for international shipments
create table fulfillment.settings (
    store_id            uuid primary key,
    default_hs_code     text,
    origin_country      char(2),
    updated_at          timestamptz not null
);

create table fulfillment.shipment (
    store_id              uuid        not null,
    id                    uuid        not null,
    fulfillment_order_id  uuid        not null,
    order_id              uuid        not null,
    location_id           uuid        not null,
    carrier               text        not null,
    service               text        not null,
    service_name          text        not null,
    tracking_number       text        not null,
    tracking_url          text        not null,
    status                text        not null check (status in ('LABEL_CREATED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED', 'EXCEPTION', 'CANCELLED')),
    rate                  numeric(19,4) not null,
    currency              char(3)     not null,
    weight_grams          integer     not null check (weight_grams > 0),
    length_cm             integer     not null check (length_cm > 0),
    width_cm              integer     not null check (width_cm > 0),
    height_cm             integer     not null check (height_cm > 0),
    from_name             text        not null,
    from_line1            text,
    from_city             text,
    from_postal_code      text,
    from_country          text,
    international         boolean     not null,
    estimated_delivery    date,
    promised_by           date,
    order_placed_at       timestamptz not null,
    shipped_at            timestamptz not null,
    delivered_at          timestamptz,
    -- measures for analytics: order-to-ship time and delivered by the promised date
    order_to_ship_seconds bigint      not null,
    on_time               boolean,
    primary key (store_id, id),
    unique (carrier, tracking_number)
);
create index shipment_by_order on fulfillment.shipment (store_id, order_id);
create index shipment_list on fulfillment.shipment (store_id, shipped_at desc, id desc);
create index shipment_open_sandbox on fulfillment.shipment (carrier, status) where status not in ('DELIVERED', 'CANCELLED');

create table fulfillment.shipment_line (
    store_id        uuid          not null,
    shipment_id     uuid          not null,
    line_id         uuid          not null,
    sku             text          not null,
    title           text          not null,
    quantity        integer       not null check (quantity > 0),
    unit_price      numeric(19,4) not null,
    currency        char(3)       not null,
    hs_code         text,
    origin_country  char(2),
    primary key (store_id, shipment_id, line_id),
    foreign key (store_id, shipment_id) references fulfillment.shipment (store_id, id)
);

-- the tracking timeline; (shipment, event_key) makes a redelivered carrier event harmless
create table fulfillment.tracking_event (
    store_id     uuid        not null,
    shipment_id  uuid        not null,
    event_key    text        not null,
    status       text        not null check (status in ('LABEL_CREATED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED', 'EXCEPTION', 'CANCELLED')),
    description  text        not null,
    place        text,
    occurred_at  timestamptz not null,
    recorded_at  timestamptz not null,
    primary key (store_id, shipment_id, event_key),
    foreign key (store_id, shipment_id) references fulfillment.shipment (store_id, id)
);

create table fulfillment.pick_list (
    store_id     uuid        not null,
    id           uuid        not null,
    number       bigint      not null,
    location_id  uuid        not null,
    location_name text       not null,
    created_at   timestamptz not null,
    created_by   text        not null,
    primary key (store_id, id),
    unique (store_id, number)
);

create table fulfillment.pick_list_order (
    store_id              uuid not null,
    pick_list_id          uuid not null,
    fulfillment_order_id  uuid not null,
    primary key (store_id, pick_list_id, fulfillment_order_id),
    foreign key (store_id, pick_list_id) references fulfillment.pick_list (store_id, id),
    foreign key (store_id, fulfillment_order_id) references fulfillment.fulfillment_order (store_id, id)
);
