create schema if not exists platform;

create table platform.audit_log (
    store_id     uuid         not null,
    id           uuid         not null,
    at           timestamptz  not null,
    actor_type   text         not null,
    actor_id     text         not null,
    actor_name   text         not null,
    action       text         not null,
    entity_type  text         not null,
    entity_id    text         not null,
    summary      text         not null,
    ip_address   text,
    user_agent   text,
    primary key (store_id, id)
);
create index audit_log_newest on platform.audit_log (store_id, at desc, id desc);
create index audit_log_entity on platform.audit_log (store_id, entity_type, entity_id);

create table platform.idempotency_key (
    store_id               uuid        not null,
    caller                 text        not null,
    key                    text        not null,
    request_hash           text        not null,
    claimed_until          timestamptz not null,
    created_at             timestamptz not null,
    completed_at           timestamptz,
    response_status        integer,
    response_content_type  text,
    response_body          bytea,
    response_location      text,
    primary key (store_id, caller, key)
);
create index idempotency_key_age on platform.idempotency_key (created_at);
