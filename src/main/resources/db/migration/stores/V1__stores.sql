create schema if not exists stores;

create table stores.organisation (
    id          uuid primary key,
    name        text        not null,
    created_at  timestamptz not null
);

create table stores.store (
    id                  uuid primary key,
    organisation_id     uuid        not null references stores.organisation (id),
    handle              text        not null,
    name                text        not null,
    default_currency    char(3)     not null,
    currencies          text[]      not null,
    default_locale      text        not null,
    locales             text[]      not null,
    timezone            text        not null,
    prices_include_tax  boolean     not null,
    email               text,
    address_line1       text,
    address_line2       text,
    address_city        text,
    address_region      text,
    address_postal_code text,
    address_country     char(2),
    position            integer     not null,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    version             integer     not null default 0,
    constraint store_handle_unique unique (handle),
    constraint store_default_currency_enabled check (default_currency = any (currencies)),
    constraint store_default_locale_enabled check (default_locale = any (locales))
);

-- a host name serves one store only
create table stores.store_domain (
    host      text primary key,
    store_id  uuid not null references stores.store (id) on delete cascade
);
