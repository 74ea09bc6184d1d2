-- suppliers, their SKUs and costs, purchase orders with lines, and low-stock alerts awaiting their digest email

create table inventory.supplier (
    store_id             uuid          not null,
    id                   uuid          not null,
    name                 text          not null,
    email                text,
    phone                text,
    currency             char(3)       not null,
    lead_time_days       integer       not null check (lead_time_days between 0 and 365),
    minimum_order_amount numeric(19,4) check (minimum_order_amount >= 0),
    minimum_order_units  integer       check (minimum_order_units between 0 and 1000000),
    pack_size            integer       not null default 1 check (pack_size between 1 and 100000),
    notes                text,
    created_at           timestamptz   not null,
    updated_at           timestamptz   not null,
    primary key (store_id, id),
    constraint supplier_name_unique unique (store_id, name)
);

-- what a supplier calls one of our SKUs and what it costs there; at most one primary supplier per SKU
create table inventory.supplier_sku (
    store_id      uuid          not null,
    supplier_id   uuid          not null,
    sku           text          not null,
    supplier_code text,
    unit_cost     numeric(19,4) not null check (unit_cost >= 0),
    pack_size     integer       not null default 1 check (pack_size between 1 and 100000),
    is_primary    boolean       not null default false,
    updated_at    timestamptz   not null,
    primary key (store_id, supplier_id, sku),
    foreign key (store_id, supplier_id) references inventory.supplier (store_id, id) on delete cascade,
    foreign key (store_id, sku) references inventory.item (store_id, sku)
);
create unique index supplier_sku_one_primary on inventory.supplier_sku (store_id, sku) where is_primary;
create index supplier_sku_by_sku on inventory.supplier_sku (store_id, sku);

-- gap-free purchase order numbers: the row is locked by the transaction that takes a number (see ADR 0013)
create table inventory.purchase_order_number (
    store_id    uuid    not null primary key,
    last_number integer not null
);

create table inventory.purchase_order (
    store_id      uuid        not null,
    id            uuid        not null,
    number        integer     not null,
    supplier_id   uuid        not null,
    location_id   uuid        not null,
    currency      char(3)     not null,
    status        text        not null check (status in ('DRAFT', 'SENT', 'PARTIALLY_RECEIVED', 'RECEIVED', 'CANCELLED')),
    note          text,
    expected_on   date,
    emailed_to    text,
    emailed_at    timestamptz,
    sent_at       timestamptz,
    closed_at     timestamptz,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    primary key (store_id, id),
    constraint purchase_order_number_unique unique (store_id, number),
    foreign key (store_id, supplier_id) references inventory.supplier (store_id, id),
    foreign key (store_id, location_id) references inventory.location (store_id, id)
);
create index purchase_order_by_status on inventory.purchase_order (store_id, status, number desc);

-- received never exceeds the quantity ordered: the database refuses it, whatever the application does
create table inventory.purchase_order_line (
    store_id          uuid          not null,
    purchase_order_id uuid          not null,
    line_no           integer       not null,
    sku               text          not null,
    quantity          integer       not null check (quantity between 1 and 1000000),
    received          integer       not null default 0,
    unit_cost         numeric(19,4) not null check (unit_cost >= 0),
    primary key (store_id, purchase_order_id, line_no),
    constraint purchase_order_line_sku_unique unique (store_id, purchase_order_id, sku),
    constraint purchase_order_line_received check (received between 0 and quantity),
    foreign key (store_id, purchase_order_id) references inventory.purchase_order (store_id, id) on delete cascade,
    foreign key (store_id, sku) references inventory.item (store_id, sku)
);

-- one row per SKU that reached its reorder point; notified_at is set when the store's digest email went out
create table inventory.low_stock_alert (
    store_id         uuid        not null,
    sku              text        not null,
    available_online integer     not null,
    reorder_point    integer     not null,
    reached_at       timestamptz not null,
    notified_at      timestamptz,
    primary key (store_id, sku)
);
create index low_stock_alert_pending on inventory.low_stock_alert (store_id) where notified_at is null;
