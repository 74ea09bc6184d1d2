-- Committed stock (ADR 0022): units sold but not yet shipped stay on hand and are counted as committed;
-- available = on_hand - reserved - committed - safety_stock. They leave on hand when a shipment takes them.
--
-- Existing deployments: reservations confirmed before this version already took their units off on hand (ledger
-- reason SOLD). They are treated as shipped: nothing is migrated, committed starts at zero everywhere, and such a
-- reservation is recognised by having no commitment rows (every confirmation from now on writes them), so a
-- shipment of its units later does not take them off on hand a second time.
alter table inventory.level add column committed integer not null default 0;
alter table inventory.level add constraint level_committed_non_negative check (committed >= 0);

alter table inventory.movement add column committed_delta integer not null default 0;

-- per confirmed reservation, SKU and location: the committed units still open (not yet shipped, released or moved
-- elsewhere). Shipping, releasing and moving settle these rows with guarded updates, never below zero.
create table inventory.commitment (
    store_id       uuid    not null,
    reservation_id uuid    not null,
    sku            text    not null,
    location_id    uuid    not null,
    open           integer not null check (open >= 0),
    primary key (store_id, reservation_id, sku, location_id),
    foreign key (store_id, reservation_id) references inventory.reservation (store_id, id),
    foreign key (store_id, sku, location_id) references inventory.level (store_id, sku, location_id)
);

-- a shipment or a release of committed units is applied once per source (a shipment id, an order's cancellation,
-- an order edit): a retry finds its key here and changes nothing
create table inventory.commitment_settlement (
    store_id   uuid        not null,
    kind       text        not null check (kind in ('SHIPPED', 'UNCOMMITTED')),
    source_id  text        not null check (length(source_id) between 1 and 200),
    created_at timestamptz not null,
    primary key (store_id, kind, source_id)
);
