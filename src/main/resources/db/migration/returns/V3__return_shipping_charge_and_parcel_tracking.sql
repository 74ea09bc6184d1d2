-- Opt-in: a return whose parcel the carrier reports delivered to the store is marked RECEIVED without staff.
alter table returns.policy add column auto_receive_on_delivery boolean not null default false;

-- What the return label cost (as the carrier priced it, in the store's currency) and what the shopper is charged for
-- it in the order's currency: the label's cost when the policy said the customer pays, 0 when the merchant pays or
-- the label was voided. It is deducted from the refund or store credit (never below zero) when the return resolves.
-- parcel_status follows the return parcel's newest tracking step; parcel_delivered_at is set when it reaches the store.
alter table returns.return_request
    add column label_created_at        timestamptz,
    add column label_cost              numeric(19, 4),
    add column label_cost_currency     char(3),
    add column label_voided_at         timestamptz,
    add column return_shipping_charge  numeric(19, 4) check (return_shipping_charge >= 0),
    add column parcel_status           text,
    add column parcel_updated_at       timestamptz,
    add column parcel_delivered_at     timestamptz;

create index return_request_tracking on returns.return_request (store_id, label_carrier, label_tracking_number)
    where label_tracking_number is not null;

-- The return parcel's tracking timeline: one row per carrier step, keyed so a redelivered step is recorded once.
create table returns.return_parcel_event (
    store_id     uuid        not null,
    return_id    uuid        not null,
    key          text        not null,
    status       text        not null,
    description  text        not null,
    place        text,
    occurred_at  timestamptz not null,
    recorded_at  timestamptz not null default now(),
    primary key (store_id, return_id, key),
    foreign key (store_id, return_id) references returns.return_request (store_id, id)
);
