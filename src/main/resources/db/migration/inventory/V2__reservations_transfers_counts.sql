-- reservations: units held for a cart, checkout or order (an opaque reference), taken from one or more locations
create table inventory.reservation (
    store_id    uuid        not null,
    id          uuid        not null,
    reference   text        not null check (length(reference) between 1 and 200),
    -- the requested lines in a canonical form (sku:qty sorted by sku), so a retry with the same lines is recognised
    lines_key   text        not null,
    status      text        not null check (status in ('ACTIVE', 'CONFIRMED', 'RELEASED', 'EXPIRED')),
    expires_at  timestamptz not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    primary key (store_id, id)
);
-- one live (active or confirmed) reservation per reference: a retry finds it instead of reserving twice
create unique index reservation_live_reference on inventory.reservation (store_id, reference)
    where status in ('ACTIVE', 'CONFIRMED');
-- what the expiry job scans; across stores, because the job serves every store
create index reservation_due on inventory.reservation (expires_at) where status = 'ACTIVE';
create index reservation_recent on inventory.reservation (store_id, created_at desc, id);

-- where the units of each reserved SKU were taken from
create table inventory.reservation_allocation (
    store_id       uuid    not null,
    reservation_id uuid    not null,
    sku            text    not null,
    location_id    uuid    not null,
    quantity       integer not null check (quantity > 0),
    primary key (store_id, reservation_id, sku, location_id),
    foreign key (store_id, reservation_id) references inventory.reservation (store_id, id),
    foreign key (store_id, sku, location_id) references inventory.level (store_id, sku, location_id)
);

-- transfers between two locations of a store: draft -> in transit -> (partially) received, or cancelled
create table inventory.transfer (
    store_id         uuid        not null,
    id               uuid        not null,
    number           bigint      not null,
    origin_id        uuid        not null,
    destination_id   uuid        not null,
    status           text        not null check (status in ('DRAFT', 'IN_TRANSIT', 'PARTIALLY_RECEIVED', 'RECEIVED', 'CANCELLED')),
    note             text,
    shipped_at       timestamptz,
    received_at      timestamptz,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    primary key (store_id, id),
    constraint transfer_number_unique unique (store_id, number),
    constraint transfer_between_two_places check (origin_id <> destination_id),
    foreign key (store_id, origin_id) references inventory.location (store_id, id),
    foreign key (store_id, destination_id) references inventory.location (store_id, id)
);
create index transfer_recent on inventory.transfer (store_id, number desc);

create table inventory.transfer_line (
    store_id    uuid    not null,
    transfer_id uuid    not null,
    sku         text    not null,
    quantity    integer not null check (quantity > 0),
    received    integer not null default 0,
    primary key (store_id, transfer_id, sku),
    foreign key (store_id, transfer_id) references inventory.transfer (store_id, id),
    -- receiving more than was sent is refused by the database, whatever the caller does
    constraint transfer_line_received_within check (received between 0 and quantity)
);

-- cycle counts: a sheet per location (optionally one bin), counted blind, reviewed and approved into adjustments
create table inventory.count_sheet (
    store_id    uuid        not null,
    id          uuid        not null,
    number      bigint      not null,
    location_id uuid        not null,
    bin_code    text,
    status      text        not null check (status in ('COUNTING', 'APPROVED', 'CANCELLED')),
    -- bumped by every edit; an edit names the version it was made on, so a concurrent edit is detected
    version     integer     not null default 0,
    note        text,
    approved_at timestamptz,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    primary key (store_id, id),
    constraint count_sheet_number_unique unique (store_id, number),
    foreign key (store_id, location_id) references inventory.location (store_id, id)
);
create index count_sheet_recent on inventory.count_sheet (store_id, number desc);

create table inventory.count_line (
    store_id  uuid    not null,
    sheet_id  uuid    not null,
    sku       text    not null,
    -- on hand (at the bin, for a bin sheet) when the sheet was made; hidden from the counter
    expected  integer not null,
    counted   integer check (counted between 0 and 1000000),
    primary key (store_id, sheet_id, sku),
    foreign key (store_id, sheet_id) references inventory.count_sheet (store_id, id)
);
