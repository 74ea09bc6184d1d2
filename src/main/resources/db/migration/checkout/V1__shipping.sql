create schema if not exists checkout;

-- where methods apply: entries are countries ("DE") or regions of a country ("US-CA")
create table checkout.shipping_zone (
    store_id    uuid        not null,
    id          uuid        not null,
    name        text        not null check (length(name) between 1 and 200),
    places      text[]      not null check (cardinality(places) > 0),
    created_at  timestamptz not null,
    primary key (store_id, id)
);

create table checkout.shipping_method (
    store_id        uuid           not null,
    id              uuid           not null,
    zone_id         uuid           not null,
    name            text           not null check (length(name) between 1 and 200),
    kind            text           not null check (kind in ('FLAT', 'WEIGHT_TIERS', 'PRICE_TIERS', 'FREE_OVER', 'PICKUP')),
    currency        char(3)        not null,
    amount          numeric(19, 4) not null default 0 check (amount >= 0),
    free_over       numeric(19, 4) check (free_over >= 0),
    min_days        integer        not null check (min_days >= 0),
    max_days        integer        not null,
    tax_class       text,
    position        integer        not null default 0,
    updated_at      timestamptz    not null,
    primary key (store_id, id),
    foreign key (store_id, zone_id) references checkout.shipping_zone (store_id, id) on delete cascade,
    check (max_days >= min_days),
    check ((kind = 'FREE_OVER') = (free_over is not null))
);

-- a tier of a weight-based (grams) or price-based (method currency) method: from inclusive, to exclusive (null: no limit)
create table checkout.shipping_tier (
    store_id    uuid           not null,
    method_id   uuid           not null,
    from_value  numeric(19, 4) not null check (from_value >= 0),
    to_value    numeric(19, 4),
    amount      numeric(19, 4) not null check (amount >= 0),
    primary key (store_id, method_id, from_value),
    foreign key (store_id, method_id) references checkout.shipping_method (store_id, id) on delete cascade,
    check (to_value is null or to_value > from_value)
);
