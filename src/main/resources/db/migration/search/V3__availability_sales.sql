-- Availability from inventory and best-selling from orders (ADR 0023). The search module keeps its own copy of
-- what it ranks and filters on, fed by the inventory and orders modules' events, so a search never asks them.

-- Every variant of every indexed product with what inventory last said about its SKU. available_online is null
-- for a variant without a SKU, which inventory cannot track: such a variant counts as sellable.
create table search.variant_stock (
    store_id          uuid    not null,
    variant_id        uuid    not null,
    product_id        uuid    not null,
    position          integer not null,
    sku               text,
    policy            text    not null check (policy in ('DENY', 'CONTINUE', 'PREORDER')),
    preorder_limit    integer,
    available_online  integer,
    primary key (store_id, variant_id)
);
create index variant_stock_product on search.variant_stock (store_id, product_id);
create unique index variant_stock_sku on search.variant_stock (store_id, sku) where sku is not null;

-- SKUs whose stock changed and that the stock worker has not read yet: inventory's events only add a row here, so a
-- burst of changes to one SKU (a checkout rush) is read and indexed once. Rows are taken with skip locked.
create table search.stock_change (
    store_id  uuid not null,
    sku       text not null,
    primary key (store_id, sku)
);

-- Units sold per order and product, from OrderPlaced; OrderCancelled marks the order's rows cancelled. One row
-- per (order, product), so a redelivered event counts once.
create table search.order_sale (
    store_id    uuid    not null,
    order_id    uuid    not null,
    product_id  uuid    not null,
    units       integer not null check (units > 0),
    sold_on     date    not null,
    cancelled   boolean not null default false,
    primary key (store_id, order_id, product_id)
);
create index order_sale_product on search.order_sale (store_id, product_id, sold_on) where not cancelled;

-- in_stock: some variant is sellable; units_sold: units of orders placed in the sales window (90 days) and not
-- cancelled. Existing rows lack both and the variant rows: emptying the table makes start-up rebuild it from
-- the catalog (and the index from the table).
truncate search.product_document;
alter table search.product_document
    add column in_stock    boolean not null default true,
    add column units_sold  integer not null default 0;
