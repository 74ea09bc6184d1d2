create schema if not exists catalog;

create table catalog.product (
    store_id          uuid        not null,
    id                uuid        not null,
    handle            text        not null,
    title             text        not null,
    description_html  text        not null default '',
    vendor            text,
    product_type      text,
    tags              text[]      not null default '{}',
    status            text        not null check (status in ('DRAFT', 'ACTIVE', 'ARCHIVED')),
    seo_title         text,
    seo_description   text,
    published         boolean     not null default false,
    published_at      timestamptz,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    version           integer     not null default 0,
    primary key (store_id, id),
    constraint product_handle_unique unique (store_id, handle)
);
create index product_updated on catalog.product (store_id, updated_at desc, id);
create index product_tags on catalog.product using gin (tags);

-- option names in order (Size, Color); the values a product offers
create table catalog.product_option (
    store_id    uuid    not null,
    product_id  uuid    not null,
    position    integer not null check (position between 1 and 3),
    name        text    not null,
    option_values text[] not null default '{}',
    primary key (store_id, product_id, position),
    foreign key (store_id, product_id) references catalog.product (store_id, id) on delete cascade
);

create table catalog.variant (
    store_id          uuid          not null,
    id                uuid          not null,
    product_id        uuid          not null,
    position          integer       not null,
    sku               text,
    barcode           text,
    price             numeric(19,4) not null check (price >= 0),
    compare_at_price  numeric(19,4) check (compare_at_price >= 0),
    cost              numeric(19,4) check (cost >= 0),
    currency          char(3)       not null,
    option1           text,
    option2           text,
    option3           text,
    weight_grams      integer       check (weight_grams >= 0),
    length_mm         integer       check (length_mm >= 0),
    width_mm          integer       check (width_mm >= 0),
    height_mm         integer       check (height_mm >= 0),
    taxable           boolean       not null default true,
    inventory_policy  text          not null check (inventory_policy in ('DENY', 'CONTINUE', 'PREORDER')),
    preorder_limit    integer       check (preorder_limit >= 0),
    created_at        timestamptz   not null,
    updated_at        timestamptz   not null,
    primary key (store_id, id),
    foreign key (store_id, product_id) references catalog.product (store_id, id) on delete cascade
);
create unique index variant_sku_unique on catalog.variant (store_id, sku) where sku is not null;
create unique index variant_options_unique on catalog.variant
    (store_id, product_id, coalesce(option1, ''), coalesce(option2, ''), coalesce(option3, ''));
create index variant_product on catalog.variant (store_id, product_id, position);
create index variant_price on catalog.variant (store_id, price);

-- typed attributes (material, waterproof, capacity …) usable as search facets
create table catalog.attribute (
    store_id   uuid    not null,
    id         uuid    not null,
    code       text    not null,
    name       text    not null,
    type       text    not null check (type in ('TEXT', 'NUMBER', 'BOOLEAN', 'CHOICE')),
    choices    text[]  not null default '{}',
    facet      boolean not null default true,
    primary key (store_id, id),
    constraint attribute_code_unique unique (store_id, code)
);

create table catalog.product_attribute (
    store_id      uuid not null,
    product_id    uuid not null,
    attribute_id  uuid not null,
    value         text not null,
    primary key (store_id, product_id, attribute_id),
    foreign key (store_id, product_id) references catalog.product (store_id, id) on delete cascade,
    foreign key (store_id, attribute_id) references catalog.attribute (store_id, id) on delete cascade
);

-- categories form a tree; path holds the ids from the root down ('/<root>/<child>/'), so a subtree is a prefix
create table catalog.category (
    store_id     uuid    not null,
    id           uuid    not null,
    parent_id    uuid,
    handle       text    not null,
    name         text    not null,
    description  text    not null default '',
    path         text    not null,
    position     integer not null default 0,
    created_at   timestamptz not null,
    primary key (store_id, id),
    constraint category_handle_unique unique (store_id, handle),
    foreign key (store_id, parent_id) references catalog.category (store_id, id)
);
create index category_path on catalog.category (store_id, path text_pattern_ops);

create table catalog.product_category (
    store_id     uuid not null,
    product_id   uuid not null,
    category_id  uuid not null,
    primary key (store_id, product_id, category_id),
    foreign key (store_id, product_id) references catalog.product (store_id, id) on delete cascade,
    foreign key (store_id, category_id) references catalog.category (store_id, id) on delete cascade
);
create index product_category_by_category on catalog.product_category (store_id, category_id);

-- collections: MANUAL lists products; RULE holds conditions evaluated when read, so they stay current
create table catalog.collection (
    store_id     uuid    not null,
    id           uuid    not null,
    handle       text    not null,
    title        text    not null,
    description  text    not null default '',
    kind         text    not null check (kind in ('MANUAL', 'RULE')),
    match_all    boolean not null default true,
    rules        jsonb   not null default '[]',
    published    boolean not null default true,
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    primary key (store_id, id),
    constraint collection_handle_unique unique (store_id, handle)
);

create table catalog.collection_product (
    store_id       uuid    not null,
    collection_id  uuid    not null,
    product_id     uuid    not null,
    position       integer not null default 0,
    primary key (store_id, collection_id, product_id),
    foreign key (store_id, collection_id) references catalog.collection (store_id, id) on delete cascade,
    foreign key (store_id, product_id) references catalog.product (store_id, id) on delete cascade
);

create table catalog.media (
    store_id      uuid    not null,
    id            uuid    not null,
    product_id    uuid    not null,
    position      integer not null,
    alt           text    not null default '',
    source_url    text,
    storage_key   text,
    content_type  text,
    width         integer,
    height        integer,
    fetch_status  text    not null check (fetch_status in ('STORED', 'PENDING', 'FAILED')),
    fetch_error   text,
    created_at    timestamptz not null,
    primary key (store_id, id),
    foreign key (store_id, product_id) references catalog.product (store_id, id) on delete cascade
);
create index media_product on catalog.media (store_id, product_id, position);

create table catalog.product_translation (
    store_id          uuid not null,
    product_id        uuid not null,
    locale            text not null,
    title             text,
    description_html  text,
    seo_title         text,
    seo_description   text,
    primary key (store_id, product_id, locale),
    foreign key (store_id, product_id) references catalog.product (store_id, id) on delete cascade
);

create table catalog.related_product (
    store_id    uuid    not null,
    product_id  uuid    not null,
    related_id  uuid    not null,
    kind        text    not null check (kind in ('CROSS_SELL', 'UPSELL')),
    position    integer not null default 0,
    primary key (store_id, product_id, related_id, kind),
    foreign key (store_id, product_id) references catalog.product (store_id, id) on delete cascade,
    foreign key (store_id, related_id) references catalog.product (store_id, id) on delete cascade,
    check (product_id <> related_id)
);
