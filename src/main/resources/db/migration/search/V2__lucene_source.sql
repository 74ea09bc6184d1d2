-- ADR 0009: storefront queries move to an embedded Lucene index on every application node. This table stays
-- the durable source of truth and now holds everything a node needs to build its index without the catalog:
-- the text of each store language (title, plain description) and the keywords. The tsvector, its GIN index,
-- the trigram index and the typo lexicon were only for PostgreSQL full-text queries and go.
-- Existing rows lack the texts: emptying the table makes start-up rebuild it from the catalog.
truncate search.product_document;
alter table search.product_document drop column document;
drop index search.product_document_title_trgm;
alter table search.product_document drop column title_folded;
alter table search.product_document
    add column keywords          text   not null default '',
    add column text_configs      text[] not null default '{}',  -- 'search.english', …, 'search.simple'
    add column text_titles       text[] not null default '{}',  -- same order as text_configs
    add column text_descriptions text[] not null default '{}';
drop table search.term;

-- The change feed every node's index tails: one row per product, rewritten by every change (a deleted
-- document leaves its row, so deletions reach every node). changed_by is the writing transaction's id,
-- which PostgreSQL hands out in increasing order; a node reads rows with changed_by >= its watermark and
-- then moves the watermark to its snapshot's xmin, so a transaction that commits late is never skipped.
create table search.document_change (
    store_id    uuid not null,
    product_id  uuid not null,
    changed_by  xid8 not null default pg_current_xact_id(),
    primary key (store_id, product_id)
);
create index document_change_order on search.document_change (changed_by);

-- Identifies this database to the indexes built from it: an index left over from another database (a fresh
-- install in the same directory, a test run) is thrown away and rebuilt instead of serving other products.
create table search.index_origin (
    id  uuid primary key default gen_random_uuid()
);
insert into search.index_origin default values;
