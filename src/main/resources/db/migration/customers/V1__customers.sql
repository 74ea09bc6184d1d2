create schema if not exists customers;

-- shopper accounts, one set per store: the same email may hold an account in each store
create table customers.customer (
    store_id                     uuid        not null,
    id                           uuid        not null,
    email                        citext      not null,
    first_name                   text,
    last_name                    text,
    phone                        text,
    accepts_marketing            boolean     not null default false,
    tax_exempt                   boolean     not null default false,
    state                        text        not null default 'ENABLED' check (state in ('ENABLED', 'DISABLED')),
    notes                        text,
    tags                         text[]      not null default '{}',
    password_hash                text        not null,
    default_shipping_address_id  uuid,
    default_billing_address_id   uuid,
    created_at                   timestamptz not null,
    updated_at                   timestamptz not null,
    primary key (store_id, id),
    unique (store_id, email)
);
create index customer_created on customers.customer (store_id, created_at desc, id desc);
create index customer_name_trgm on customers.customer
    using gin ((coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' || email::text) gin_trgm_ops);

create table customers.customer_address (
    store_id     uuid        not null,
    id           uuid        not null,
    customer_id  uuid        not null,
    first_name   text,
    last_name    text,
    company      text,
    phone        text,
    line1        text,
    line2        text,
    city         text,
    region       text,
    postal_code  text,
    country      char(2),
    created_at   timestamptz not null,
    primary key (store_id, id),
    foreign key (store_id, customer_id) references customers.customer (store_id, id) on delete cascade
);
create index customer_address_customer on customers.customer_address (store_id, customer_id, created_at);

-- a default address belongs to the same customer; deleting it clears the default, nothing else
alter table customers.customer
    add foreign key (store_id, default_shipping_address_id) references customers.customer_address (store_id, id)
        on delete set null (default_shipping_address_id),
    add foreign key (store_id, default_billing_address_id) references customers.customer_address (store_id, id)
        on delete set null (default_billing_address_id);

-- customer bearer tokens (Store API), kept only as SHA-256 hashes; revoked on logout
create table customers.access_token (
    store_id     uuid        not null,
    id           uuid        not null,
    customer_id  uuid        not null,
    token_hash   text        not null unique,
    created_at   timestamptz not null,
    expires_at   timestamptz not null,
    revoked_at   timestamptz,
    primary key (store_id, id),
    foreign key (store_id, customer_id) references customers.customer (store_id, id) on delete cascade
);
create index access_token_customer on customers.access_token (store_id, customer_id);

-- password reset links: only the hash of the emailed secret is kept; used_at makes them single use
create table customers.password_reset (
    store_id     uuid        not null,
    id           uuid        not null,
    customer_id  uuid        not null,
    token_hash   text        not null unique,
    created_at   timestamptz not null,
    expires_at   timestamptz not null,
    used_at      timestamptz,
    primary key (store_id, id),
    foreign key (store_id, customer_id) references customers.customer (store_id, id) on delete cascade
);
create index password_reset_customer on customers.password_reset (store_id, customer_id);
