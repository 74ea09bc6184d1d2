-- Fraud screening: per-store rule settings, blocklists, and every risk assessment with the rules that fired,
-- plus the installation's card-fingerprint key when none is configured.
create schema if not exists fraud;

-- One row per installation and purpose; generated once (insert … on conflict do nothing), shared by every node.
create table fraud.installation_secret (
    name       text        not null primary key,
    value      text        not null check (length(value) >= 32),
    created_at timestamptz not null default now()
);

-- A store without a row screens with the defaults (FraudSettings.defaults).
create table fraud.settings (
    store_id                   uuid          not null primary key,
    window_minutes             integer       not null check (window_minutes between 1 and 10080),
    email_velocity_limit       integer       not null check (email_velocity_limit between 1 and 1000),
    email_velocity_points      integer       not null check (email_velocity_points between 0 and 100),
    ip_velocity_limit          integer       not null check (ip_velocity_limit between 1 and 1000),
    ip_velocity_points         integer       not null check (ip_velocity_points between 0 and 100),
    card_velocity_limit        integer       not null check (card_velocity_limit between 1 and 1000),
    card_velocity_points       integer       not null check (card_velocity_points between 0 and 100),
    country_mismatch_points    integer       not null check (country_mismatch_points between 0 and 100),
    postcode_mismatch_points   integer       not null check (postcode_mismatch_points between 0 and 100),
    high_value_amount          numeric(19,4) not null check (high_value_amount > 0),
    high_value_currency        char(3)       not null,
    high_value_points          integer       not null check (high_value_points between 0 and 100),
    medium_threshold           integer       not null check (medium_threshold between 1 and 100),
    high_threshold             integer       not null check (high_threshold between 1 and 100),
    updated_at                 timestamptz   not null default now(),
    check (medium_threshold < high_threshold)
);

-- Values are kept normalised (lower-case emails and domains, upper-case countries, canonical IPs);
-- an IP entry also keeps its network so that one address or a whole range (CIDR) matches with >>=.
create table fraud.blocked_value (
    store_id   uuid        not null,
    id         uuid        not null,
    type       text        not null check (type in ('EMAIL', 'EMAIL_DOMAIN', 'IP', 'CARD_FINGERPRINT', 'SHIPPING_COUNTRY')),
    value      text        not null check (length(value) between 1 and 320),
    network    inet,
    note       text        check (length(note) <= 500),
    created_by text        not null,
    created_at timestamptz not null default now(),
    primary key (store_id, id),
    unique (store_id, type, value),
    check ((type = 'IP') = (network is not null))
);
create index blocked_value_listing on fraud.blocked_value (store_id, created_at desc, id desc);
create index blocked_value_network on fraud.blocked_value using gist (network inet_ops) where type = 'IP';

-- Every assessment, appended; velocity rules count earlier rows of the same email, IP or card within the window.
create table fraud.assessment (
    store_id         uuid          not null,
    id               uuid          not null,
    reference        text          not null check (length(reference) between 1 and 200),
    email            text          not null check (length(email) between 1 and 320),
    client_ip        text,
    card_fingerprint char(64),
    shipping_country char(2),
    order_currency   char(3)       not null,
    order_total      numeric(19,4) not null,
    customer_id      uuid,
    new_customer     boolean       not null,
    item_count       integer       not null check (item_count >= 0),
    score            integer       not null check (score between 0 and 100),
    level            text          not null check (level in ('LOW', 'MEDIUM', 'HIGH')),
    level_rank       smallint      not null check (level_rank between 0 and 2),
    rules            jsonb         not null,
    assessed_at      timestamptz   not null default clock_timestamp(),
    review_decision  text          check (review_decision in ('APPROVED', 'FRAUDULENT')),
    review_note      text          check (length(review_note) <= 1000),
    reviewed_by      text,
    reviewed_at      timestamptz,
    primary key (store_id, id),
    check ((review_decision is null) = (reviewed_at is null))
);
-- the velocity counts: one index range scan each
create index assessment_by_email on fraud.assessment (store_id, email, assessed_at);
create index assessment_by_ip on fraud.assessment (store_id, client_ip, assessed_at) where client_ip is not null;
create index assessment_by_card on fraud.assessment (store_id, card_fingerprint, assessed_at) where card_fingerprint is not null;
-- the review queue: highest level first, newest first
create index assessment_queue on fraud.assessment (store_id, level_rank desc, assessed_at desc, id desc);
create index assessment_by_reference on fraud.assessment (store_id, reference);
