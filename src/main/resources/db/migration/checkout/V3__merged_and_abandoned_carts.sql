-- A guest cart whose shopper signed in absorbs the customer's other open carts; those become MERGED (kept, pointing
-- at the cart that took their lines). An ACTIVE cart with an email and lines left untouched becomes ABANDONED (it
-- existed as a status; now with when, and the recovery mail's bookkeeping).
alter table checkout.cart drop constraint cart_status_check;
alter table checkout.cart add constraint cart_status_check
    check (status in ('ACTIVE', 'COMPLETING', 'COMPLETED', 'ABANDONED', 'MERGED'));
alter table checkout.cart
    add column merged_into       uuid,
    add column abandoned_at      timestamptz,
    -- recovery mails sent for the current abandonment and when the last went out
    add column recovery_sent_at  timestamptz,
    add column recovery_sends    integer     not null default 0,
    -- the recovery link was used: the order placed from this cart counts as recovered
    add column recovered_at      timestamptz,
    add constraint cart_merged_into_check check ((status = 'MERGED') = (merged_into is not null)),
    add constraint cart_abandoned_at_check check (status <> 'ABANDONED' or abandoned_at is not null);

-- the abandonment job's queue: open carts with an email, oldest change first
create index cart_abandonable_idx on checkout.cart (updated_at) where status = 'ACTIVE' and email is not null;
-- the console's abandoned checkouts (and the automatic recovery mail's queue)
create index cart_abandoned_idx on checkout.cart (store_id, abandoned_at desc, id desc) where abandoned_at is not null;

-- per store: send the recovery mail by itself this many hours after the cart was abandoned (null: only by staff)
create table checkout.recovery_settings (
    store_id         uuid        primary key,
    auto_send_hours  integer     check (auto_send_hours between 1 and 720),
    updated_at       timestamptz not null
);
