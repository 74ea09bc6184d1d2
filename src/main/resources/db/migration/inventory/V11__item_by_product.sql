-- The mirror is written per product (CatalogSync: a product's SKUs that left it are marked deleted, by product id).
-- Without this index each such statement read every item of the store: an import of 25,000 products spent
-- 135 s of PostgreSQL time there (bench/import/RESULTS.md, 2026-11-24), growing with the square of the catalog.
create index item_product on inventory.item (store_id, product_id);
