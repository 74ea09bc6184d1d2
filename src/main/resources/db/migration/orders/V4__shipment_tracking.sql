-- What fulfilment tells orders about each shipment besides its units: the carrier, the tracking number and link,
-- and where the parcel stands, so the shopper's order page can show them without orders knowing fulfilment.
alter table orders.fulfillment
    add column carrier          text check (length(carrier) <= 50),
    add column tracking_number  text check (length(tracking_number) <= 100),
    add column tracking_url     text check (length(tracking_url) <= 500),
    add column shipment_status  text check (length(shipment_status) <= 50),
    add column status_at        timestamptz;
