-- Payments: intents per order reference, their append-only transactions, disputes, store settings,
-- received webhook events, and the sandbox gateway's own records ("the gateway's side").
create schema if not exists payments;

create table payments.payment_settings (
    store_id                 uuid        not null primary key,
    card_enabled             boolean     not null default true,
    bank_transfer_enabled    boolean     not null default false,
    cash_on_delivery_enabled boolean     not null default false,
    capture_mode             text        not null default 'IMMEDIATE' check (capture_mode in ('IMMEDIATE', 'ON_FULFILMENT')),
    updated_at               timestamptz not null default now()
);

-- The running totals include amounts whose transaction is still pending (reserved), so that two
-- concurrent captures or refunds can never together exceed what the gateway holds: each reserves its
-- amount with one conditional UPDATE, and these checks hold whatever the application does.
-- capture_pending is the part of captured_amount not yet confirmed: refunds reserve only against the rest.
create table payments.payment_intent (
    store_id          uuid          not null,
    id                uuid          not null,
    order_reference   text          not null check (length(order_reference) between 1 and 200),
    creation_key      text          not null,
    method            text          not null check (method in ('CARD', 'BANK_TRANSFER', 'CASH_ON_DELIVERY')),
    status            text          not null check (status in ('PENDING', 'REQUIRES_ACTION', 'AUTHORIZED',
                          'PARTIALLY_CAPTURED', 'CAPTURED', 'PARTIALLY_REFUNDED', 'REFUNDED', 'VOIDED', 'FAILED')),
    currency          char(3)       not null,
    amount            numeric(19,4) not null check (amount > 0),
    authorized_amount numeric(19,4) not null default 0,
    captured_amount   numeric(19,4) not null default 0,
    capture_pending   numeric(19,4) not null default 0,
    refunded_amount   numeric(19,4) not null default 0,
    voided            boolean       not null default false,
    gateway           text,
    gateway_reference text,
    card_brand        text,
    card_last4        char(4),
    card_exp_month    smallint,
    card_exp_year     smallint,
    gateway_token     text,
    next_action_url   text,
    return_url        text,
    failure_code      text,
    failure_message   text,
    created_at        timestamptz   not null default now(),
    updated_at        timestamptz   not null default now(),
    primary key (store_id, id),
    unique (store_id, creation_key),
    check (authorized_amount between 0 and amount),
    check (captured_amount between 0 and authorized_amount),
    check (capture_pending between 0 and captured_amount),
    check (refunded_amount between 0 and captured_amount - capture_pending),
    check (not (voided and captured_amount > 0))
);
create index payment_intent_by_order on payments.payment_intent (store_id, order_reference, created_at);
create index payment_intent_by_created on payments.payment_intent (store_id, created_at desc, id desc);
create index payment_intent_by_gateway_reference on payments.payment_intent (store_id, gateway, gateway_reference);

-- Append-only: a row is written as PENDING (committed before the gateway is called) and may then move
-- once to its outcome; nothing else changes and nothing is deleted (enforced by the trigger below).
create table payments.payment_transaction (
    store_id          uuid          not null,
    id                uuid          not null,
    intent_id         uuid          not null,
    kind              text          not null check (kind in ('AUTHORIZE', 'CAPTURE', 'VOID', 'REFUND', 'MARK_PAID')),
    status            text          not null check (status in ('PENDING', 'REQUIRES_ACTION', 'SUCCEEDED', 'FAILED')),
    currency          char(3)       not null,
    amount            numeric(19,4) not null check (amount >= 0),
    idempotency_key   text          not null,
    gateway_reference text,
    error_code        text,
    error_message     text,
    created_at        timestamptz   not null default now(),
    completed_at      timestamptz,
    reconcile_claimed_until timestamptz,
    primary key (store_id, id),
    unique (store_id, idempotency_key),
    foreign key (store_id, intent_id) references payments.payment_intent (store_id, id)
);
create index payment_transaction_by_intent on payments.payment_transaction (store_id, intent_id, created_at);
create index payment_transaction_pending on payments.payment_transaction (created_at) where status = 'PENDING';

create function payments.transaction_is_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'payment transactions are append-only';
    end if;
    if new.store_id <> old.store_id or new.id <> old.id or new.intent_id <> old.intent_id or new.kind <> old.kind
            or new.currency <> old.currency or new.amount <> old.amount or new.idempotency_key <> old.idempotency_key
            or new.created_at <> old.created_at then
        raise exception 'a payment transaction''s facts never change';
    end if;
    if new.status is distinct from old.status and old.status not in ('PENDING', 'REQUIRES_ACTION') then
        raise exception 'a completed payment transaction never changes (% -> %)', old.status, new.status;
    end if;
    return new;
end $$;
create trigger payment_transaction_append_only before update or delete on payments.payment_transaction
    for each row execute function payments.transaction_is_append_only();

create table payments.dispute (
    store_id          uuid          not null,
    id                uuid          not null,
    intent_id         uuid          not null,
    gateway_reference text          not null,
    currency          char(3)       not null,
    amount            numeric(19,4) not null check (amount > 0),
    reason            text          not null,
    status            text          not null default 'OPEN',
    opened_at         timestamptz   not null default now(),
    primary key (store_id, id),
    unique (store_id, gateway_reference),
    foreign key (store_id, intent_id) references payments.payment_intent (store_id, id)
);

-- Webhook events already applied, so a redelivered event changes nothing.
create table payments.webhook_event (
    store_id    uuid        not null,
    gateway     text        not null,
    event_id    text        not null,
    type        text        not null,
    received_at timestamptz not null default now(),
    primary key (store_id, gateway, event_id)
);

-- The sandbox gateway's own ledger: what "the provider" did for each idempotency key we sent it.
create table payments.sandbox_charge (
    id              uuid          not null primary key,
    store_id        uuid          not null,
    idempotency_key text          not null,
    operation       text          not null check (operation in ('AUTHORIZE', 'CAPTURE', 'VOID', 'REFUND')),
    payment_id      uuid          not null,
    status          text          not null check (status in ('SUCCEEDED', 'DECLINED', 'REQUIRES_ACTION')),
    currency        char(3)       not null,
    amount          numeric(19,4) not null,
    decline_code    text,
    card_last4      char(4),
    card_brand      text,
    card_exp_month  smallint,
    card_exp_year   smallint,
    return_url      text,
    attempts        integer       not null default 1,
    created_at      timestamptz   not null default now(),
    unique (store_id, idempotency_key)
);
create index sandbox_charge_by_payment on payments.sandbox_charge (store_id, payment_id);
