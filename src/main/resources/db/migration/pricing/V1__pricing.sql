create schema if not exists pricing;

-- per store: how taxes are rounded (PER_LINE or PER_ORDER)
create table pricing.settings (
    store_id    uuid        not null primary key,
    tax_rounding text       not null default 'PER_LINE' check (tax_rounding in ('PER_LINE', 'PER_ORDER')),
    updated_at  timestamptz not null
);

create table pricing.tax_class (
    store_id    uuid        not null,
    id          uuid        not null,
    code        text        not null check (code ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    name        text        not null check (length(name) between 1 and 200),
    created_at  timestamptz not null,
    primary key (store_id, id),
    constraint tax_class_code_unique unique (store_id, code)
);

-- where a set of rates applies: a country, optionally a region, optionally postcodes (a range or a prefix pattern)
create table pricing.tax_zone (
    store_id        uuid        not null,
    id              uuid        not null,
    name            text        not null check (length(name) between 1 and 200),
    country         char(2)     not null check (country ~ '^[A-Z]{2}$'),
    region          text,
    postcode_from   text,
    postcode_to     text,
    postcode_prefix text,
    created_at      timestamptz not null,
    primary key (store_id, id),
    check ((postcode_from is null) = (postcode_to is null)),
    check (postcode_from is null or postcode_prefix is null)
);
create unique index tax_zone_place_unique on pricing.tax_zone
    (store_id, country, coalesce(region, ''), coalesce(postcode_from, ''), coalesce(postcode_to, ''), coalesce(postcode_prefix, ''));

-- a rate of a zone for a tax class, in percent; several rates of one zone and class stack (state + county),
-- a compound rate is charged on the amount including the rates before it
create table pricing.tax_rate (
    store_id      uuid          not null,
    id            uuid          not null,
    zone_id       uuid          not null,
    tax_class_id  uuid          not null,
    name          text          not null check (length(name) between 1 and 100),
    percent       numeric(7, 4) not null check (percent >= 0 and percent <= 100),
    compound      boolean       not null default false,
    position      integer       not null check (position >= 0),
    primary key (store_id, id),
    foreign key (store_id, zone_id) references pricing.tax_zone (store_id, id) on delete cascade,
    foreign key (store_id, tax_class_id) references pricing.tax_class (store_id, id),
    constraint tax_rate_position_unique unique (store_id, zone_id, tax_class_id, position)
);

-- exchange rates entered by staff: 1 unit of the store currency = rate units of currency; the newest row is current
create table pricing.exchange_rate (
    store_id    uuid           not null,
    id          uuid           not null,
    currency    char(3)        not null check (currency ~ '^[A-Z]{3}$'),
    rate        numeric(19, 8) not null check (rate > 0),
    rounding    text           not null check (rounding in ('NONE', 'NEAREST_0_05', 'UP_TO_99', 'WHOLE_UNITS')),
    entered_at  timestamptz    not null,
    entered_by  text           not null,
    primary key (store_id, id)
);
create index exchange_rate_current on pricing.exchange_rate (store_id, currency, entered_at desc, id desc);

-- explicit prices per SKU in one currency; at most one list per currency and store
create table pricing.price_list (
    store_id    uuid        not null,
    id          uuid        not null,
    name        text        not null check (length(name) between 1 and 200),
    currency    char(3)     not null check (currency ~ '^[A-Z]{3}$'),
    created_at  timestamptz not null,
    primary key (store_id, id),
    constraint price_list_currency_unique unique (store_id, currency)
);

create table pricing.price_list_price (
    store_id       uuid           not null,
    price_list_id  uuid           not null,
    sku            text           not null check (length(sku) between 1 and 255),
    amount         numeric(19, 4) not null check (amount >= 0),
    currency       char(3)        not null,
    updated_at     timestamptz    not null,
    primary key (store_id, price_list_id, sku),
    foreign key (store_id, price_list_id) references pricing.price_list (store_id, id) on delete cascade
);
