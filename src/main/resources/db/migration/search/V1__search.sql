create schema if not exists search;

-- Text search configurations that fold accents before stemming, so "creme" finds "Crème" and
-- "Jacke" finds "Jacken". One per language the storefront offers; 'simple' keeps exact words (brands, SKUs).
create text search configuration search.simple (copy = pg_catalog.simple);
alter text search configuration search.simple alter mapping for hword, hword_part, word with public.unaccent, simple;
create text search configuration search.english (copy = pg_catalog.english);
alter text search configuration search.english alter mapping for hword, hword_part, word with public.unaccent, english_stem;
create text search configuration search.german (copy = pg_catalog.german);
alter text search configuration search.german alter mapping for hword, hword_part, word with public.unaccent, german_stem;
create text search configuration search.french (copy = pg_catalog.french);
alter text search configuration search.french alter mapping for hword, hword_part, word with public.unaccent, french_stem;
create text search configuration search.spanish (copy = pg_catalog.spanish);
alter text search configuration search.spanish alter mapping for hword, hword_part, word with public.unaccent, spanish_stem;
create text search configuration search.italian (copy = pg_catalog.italian);
alter text search configuration search.italian alter mapping for hword, hword_part, word with public.unaccent, italian_stem;
create text search configuration search.dutch (copy = pg_catalog.dutch);
alter text search configuration search.dutch alter mapping for hword, hword_part, word with public.unaccent, dutch_stem;

-- One row per product: the denormalised read model that storefront search and facets read. Fed by catalog
-- events; rebuilt whole on demand. Invisible products (draft, archived, unpublished) keep a row with
-- visible = false so that a reindex of a category or collection finds them too.
create table search.product_document (
    store_id        uuid          not null,
    product_id      uuid          not null,
    handle          text          not null,
    title           text          not null,
    title_folded    text          not null,   -- lower(unaccent(title)): prefix and trigram suggestions
    vendor          text,
    product_type    text,
    tags            text[]        not null default '{}',
    category_ids    uuid[]        not null default '{}',  -- its categories and all their ancestors
    collection_ids  uuid[]        not null default '{}',
    option_values   text[]        not null default '{}',  -- 'Size=M', 'Color=Blue'
    price_min       numeric(19,4) not null,
    price_max       numeric(19,4) not null,
    compare_at_min  numeric(19,4),
    currency        char(3)       not null,
    visible         boolean       not null,
    published_at    timestamptz,
    document        tsvector      not null,
    indexed_at      timestamptz   not null default now(),
    primary key (store_id, product_id)
);
create index product_document_text on search.product_document using gin (document);
create index product_document_title_trgm on search.product_document using gin (title_folded public.gin_trgm_ops);
create index product_document_price on search.product_document (store_id, price_min, product_id) where visible;
create index product_document_newest on search.product_document (store_id, published_at desc, product_id desc) where visible;
create index product_document_categories on search.product_document using gin (category_ids);
create index product_document_handle on search.product_document (store_id, handle);

-- Words shoppers may mean, for the typo fallback: title, tag, vendor and type words of the store's products.
create table search.term (
    store_id  uuid not null,
    term      text not null,
    primary key (store_id, term)
);
create index term_trgm on search.term using gin (term public.gin_trgm_ops);

-- Merchant-managed synonym groups: every term of a group finds what any other term finds.
create table search.synonym (
    store_id    uuid        not null,
    id          uuid        not null,
    terms       text[]      not null check (cardinality(terms) >= 2),
    created_at  timestamptz not null default now(),
    primary key (store_id, id)
);

-- Search analytics: every storefront query (first page only) and every click on a result.
create table search.query_log (
    store_id      uuid        not null,
    id            bigint      generated always as identity,
    query         text        not null,   -- normalised: trimmed, lower case, single spaces
    result_count  integer     not null,
    searched_at   timestamptz not null default now(),
    primary key (store_id, id)
);
create index query_log_time on search.query_log (store_id, searched_at);

create table search.click (
    store_id    uuid        not null,
    id          bigint      generated always as identity,
    query       text        not null,
    product_id  uuid        not null,
    clicked_at  timestamptz not null default now(),
    primary key (store_id, id)
);
create index click_time on search.click (store_id, clicked_at);
