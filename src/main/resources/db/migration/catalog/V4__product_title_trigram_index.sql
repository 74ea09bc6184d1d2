-- the product list's search box matches text inside titles (ilike '%…%'); a trigram index serves that
-- without reading the whole store's products
create index product_title_trigram on catalog.product using gin (title gin_trgm_ops);
