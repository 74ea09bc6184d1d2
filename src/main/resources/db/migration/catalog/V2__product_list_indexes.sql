-- the merchant's product list reads each page in index order for every sort it offers, so that a page costs the
-- same on a store with 100,000 products as on one with 100 (ProductLists orders by these expressions)
create index product_updated_list on catalog.product (store_id, updated_at desc, id desc);
create index product_created_list on catalog.product (store_id, created_at desc, id desc);
create index product_title_list on catalog.product (store_id, lower(title), id);
