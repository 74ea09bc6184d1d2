-- 100,000 products / 300,000 variants for one store, straight into the catalog tables (psql -v store=<uuid>).
-- Then build the search index with POST /api/admin/v1/search/reindex (through the façade, as in production).
\set ON_ERROR_STOP on
insert into catalog.product (store_id, id, handle, title, description_html, vendor, product_type, tags, status,
                             published, published_at, created_at, updated_at)
select :'store'::uuid, gen_random_uuid(), 'bench-' || g,
       (array['Alpine','Coastal','Summit','Trail','Urban','Glacier','Canyon','Forest'])[1 + g % 8] || ' ' ||
       (array['Rain Jacket','Down Jacket','Fleece','Merino T-Shirt','Tee','Shorts','Pants','Daypack','Tent','Beanie','Socks','Gloves'])[1 + (g / 8) % 12]
         || ' ' || g,
       '<p>' || (array['Waterproof and breathable','Warm and light','Soft recycled fleece','Organic cotton','Durable nylon'])[1 + g % 5]
         || ' for ' || (array['hiking','camping','climbing','running','travel'])[1 + (g / 5) % 5] || '.</p>',
       (array['Northwind','Fjellrev','Cascade Co.','Alpenglow','Tidewater','Bergsteiger','Nordkap','Sierra'])[1 + (g / 3) % 8],
       (array['Jacket','Jacket','Fleece','T-Shirt','T-Shirt','Shorts','Pants','Backpack','Tent','Hat','Socks','Gloves'])[1 + (g / 8) % 12],
       array[(array['sale','new','merino','organic','waterproof','bestseller'])[1 + g % 6],
             (array['summer','winter','spring','autumn'])[1 + g % 4]],
       case when g % 50 = 0 then 'DRAFT' else 'ACTIVE' end, g % 50 <> 0, now() - (g || ' minutes')::interval,
       now() - (g || ' minutes')::interval, now()
from generate_series(1, 100000) g;

insert into catalog.product_option (store_id, product_id, position, name, option_values)
select store_id, id, 1, 'Size', array['S','M','L'] from catalog.product where store_id = :'store'::uuid and handle like 'bench-%';

insert into catalog.variant (store_id, id, product_id, position, sku, price, currency, option1, inventory_policy,
                             created_at, updated_at)
select p.store_id, gen_random_uuid(), p.id, s.n, p.handle || '-' || s.size,
       (10 + (hashtext(p.handle) & 255) + s.n * 5)::numeric, 'EUR', s.size, 'DENY', now(), now()
from catalog.product p cross join (values (1, 'S'), (2, 'M'), (3, 'L')) as s(n, size)
where p.store_id = :'store'::uuid and p.handle like 'bench-%';
