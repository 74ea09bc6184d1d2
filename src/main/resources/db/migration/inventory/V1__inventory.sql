create schema if not exists inventory;

-- the SKUs inventory tracks, mirrored from the catalog (kept current by its events) with what stock rules need
create table inventory.item (
    store_id       uuid        not null,
    sku            text        not null,
    product_id     uuid        not null,
    variant_id     uuid        not null,
    title          text        not null,
    barcode        text,
    policy         text        not null check (policy in ('DENY', 'CONTINUE', 'PREORDER')),
    preorder_limit integer     check (preorder_limit >= 0),
    -- replenishment figures: reorder_point and order_up_to are set by staff or computed from the demand forecast;
    -- lead_time_days is the primary supplier's lead time (null: the default of 14 days)
    reorder_point  integer     check (reorder_point >= 0),
    order_up_to    integer     check (order_up_to >= 0),
    lead_time_days integer     check (lead_time_days between 0 and 365),
    deleted        boolean     not null default false,
    updated_at     timestamptz not null,
    primary key (store_id, sku)
);
create index item_variant on inventory.item (store_id, variant_id);

create table inventory.location (
    store_id            uuid        not null,
    id                  uuid        not null,
    code                text        not null,
    name                text        not null,
    kind                text        not null check (kind in ('WAREHOUSE', 'SHOP', 'THIRD_PARTY')),
    priority            integer     not null default 100,
    fulfils_online      boolean     not null default true,
    is_default          boolean     not null default false,
    active              boolean     not null default true,
    address_line1       text,
    address_line2       text,
    address_city        text,
    address_region      text,
    address_postal_code text,
    address_country     char(2),
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    primary key (store_id, id),
    constraint location_code_unique unique (store_id, code)
);
-- exactly one default location per store at most; the application creates one on first need
create unique index location_one_default on inventory.location (store_id) where is_default;

create table inventory.bin (
    store_id    uuid    not null,
    location_id uuid    not null,
    code        text    not null,
    walk_order  integer not null default 0,
    primary key (store_id, location_id, code),
    foreign key (store_id, location_id) references inventory.location (store_id, id)
);

-- the stock of one SKU at one location; available = on_hand - reserved - safety_stock. The availability rule
-- (never reserve past available for policy DENY) is applied by conditional updates on this row.
create table inventory.level (
    store_id      uuid          not null,
    sku           text          not null,
    location_id   uuid          not null,
    on_hand       integer       not null default 0,
    reserved      integer       not null default 0 check (reserved >= 0),
    safety_stock  integer       not null default 0 check (safety_stock >= 0),
    incoming      integer       not null default 0 check (incoming >= 0),
    average_cost  numeric(19,4) check (average_cost >= 0),
    cost_currency char(3),
    updated_at    timestamptz   not null,
    primary key (store_id, sku, location_id),
    foreign key (store_id, sku) references inventory.item (store_id, sku),
    foreign key (store_id, location_id) references inventory.location (store_id, id)
);
create index level_location on inventory.level (store_id, location_id, sku);

create table inventory.bin_stock (
    store_id    uuid    not null,
    location_id uuid    not null,
    bin_code    text    not null,
    sku         text    not null,
    quantity    integer not null check (quantity >= 0),
    primary key (store_id, location_id, bin_code, sku),
    foreign key (store_id, location_id, bin_code) references inventory.bin (store_id, location_id, code),
    foreign key (store_id, sku, location_id) references inventory.level (store_id, sku, location_id)
);

-- the append-only ledger: every change of on hand, reserved or incoming is one row here; for every SKU and
-- location the sums of the deltas equal the level's figures (InventoryManagement.ledgerDiscrepancies checks it)
create table inventory.movement (
    store_id        uuid          not null,
    id              bigint        generated always as identity,
    sku             text          not null,
    location_id     uuid          not null,
    bin_code        text,
    reason          text          not null,
    on_hand_delta   integer       not null default 0,
    reserved_delta  integer       not null default 0,
    incoming_delta  integer       not null default 0,
    unit_cost       numeric(19,4),
    cost_currency   char(3),
    source_type     text,
    source_id       text,
    note            text,
    actor_type      text          not null,
    actor_id        text          not null,
    actor_name      text          not null,
    created_at      timestamptz   not null,
    primary key (store_id, id)
);
create index movement_sku on inventory.movement (store_id, sku, id desc);
create index movement_source on inventory.movement (store_id, source_type, source_id);

create function inventory.movement_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'inventory.movement is append-only';
end $$;
create trigger movement_append_only before update or delete on inventory.movement
    for each row execute function inventory.movement_is_append_only();
