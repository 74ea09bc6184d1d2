-- The return label bought from fulfilment's carrier when a return is approved. label_key is the unguessable part of
-- its download address (the link in the shopper's email works without a session).
alter table returns.return_request
    add column label_carrier         text,
    add column label_tracking_number text,
    add column label_key             uuid,
    add column label_pdf             bytea;

create unique index return_request_label_key on returns.return_request (store_id, label_key) where label_key is not null;

-- When the last parcel of an order reached the shopper (fulfilment's ShipmentDelivered): the return window counts
-- from it; orders without a row count from placement.
create table returns.order_delivery (
    store_id      uuid        not null,
    order_id      uuid        not null,
    delivered_at  timestamptz not null,
    primary key (store_id, order_id)
);
