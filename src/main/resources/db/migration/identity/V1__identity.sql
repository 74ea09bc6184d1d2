create schema if not exists identity;

create table identity.staff_user (
    id             uuid primary key,
    email          citext      not null unique,
    name           text        not null,
    password_hash  text        not null,
    owner          boolean     not null default false,
    active         boolean     not null default true,
    created_at     timestamptz not null,
    last_login_at  timestamptz
);

-- staff reach a store through a membership with one role; the owner reaches every store
create table identity.store_membership (
    store_id    uuid        not null,
    user_id     uuid        not null references identity.staff_user (id) on delete cascade,
    role        text        not null,
    created_at  timestamptz not null,
    primary key (store_id, user_id)
);
create index store_membership_user on identity.store_membership (user_id);

-- bearer tokens, kept only as SHA-256 hashes: short-lived login tokens (user, no store) and
-- long-lived API tokens (store and role)
create table identity.api_token (
    id            uuid primary key,
    token_hash    text        not null unique,
    kind          text        not null check (kind in ('login', 'api')),
    user_id       uuid        references identity.staff_user (id) on delete cascade,
    store_id      uuid,
    role          text,
    name          text        not null,
    prefix        text        not null,
    created_by    uuid,
    created_at    timestamptz not null,
    expires_at    timestamptz,
    revoked_at    timestamptz,
    last_used_at  timestamptz,
    check (kind = 'login' and user_id is not null or kind = 'api' and store_id is not null and role is not null)
);
create index api_token_store on identity.api_token (store_id, created_at desc);
