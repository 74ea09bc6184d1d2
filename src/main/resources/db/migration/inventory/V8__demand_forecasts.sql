-- Demand forecasting (docs/forecasting.md).

-- units sold per SKU and day, from before the store sold through Shopwright (the demo store's seeded year, or an
-- import); SOLD movements of the ledger are added on top when forecasts are computed. Days without a row sold none.
create table inventory.demand_history (
    store_id uuid    not null,
    sku      text    not null,
    day      date    not null,
    units    integer not null check (units > 0),
    primary key (store_id, sku, day)
);

-- a store's forecasting settings; the row also serialises the one-time seeding of the demo history across nodes
create table inventory.forecast_settings (
    store_id            uuid         not null primary key,
    service_level       numeric(5,4) not null default 0.95 check (service_level between 0.5 and 0.999),
    review_days         integer      not null default 14 check (review_days between 1 and 180),
    demo_history_seeded boolean      not null default false,
    updated_at          timestamptz  not null
);

-- the latest forecast per SKU: the model and its accuracy, the daily forecast with its 80% band, and the reorder
-- figures derived from it (also written into inventory.item.reorder_point and order_up_to)
create table inventory.forecast (
    store_id         uuid             not null,
    sku              text             not null,
    model            text             not null check (model in ('HOLT_WINTERS', 'HOLT_WINTERS_YEARLY', 'SEASONAL_NAIVE', 'MEAN', 'NONE')),
    reason           text             not null,
    parameters       jsonb            not null,
    mase             double precision check (mase >= 0),
    model_mae        double precision,
    naive_mae        double precision,
    held_out_days    integer          not null,
    sigma            double precision not null check (sigma >= 0),
    history_start    date,
    history_days     integer          not null,
    units_last_28    integer          not null,
    units_last_365   integer          not null,
    forecast_start   date             not null,
    forecast_mean    jsonb            not null,
    forecast_lower   jsonb            not null,
    forecast_upper   jsonb            not null,
    lead_time_days   integer          not null,
    review_days      integer          not null,
    service_level    numeric(5,4)     not null,
    z                double precision not null,
    lead_time_demand double precision not null,
    safety_stock     double precision not null,
    reorder_point    integer,
    order_up_to      integer,
    computed_at      timestamptz      not null,
    primary key (store_id, sku)
);
create index forecast_by_accuracy on inventory.forecast (store_id, mase desc nulls last, sku);

-- "recompute forecasts" jobs: for all SKUs of a store (sku null) or one SKU. A worker claims a job with
-- "for update skip locked" and proves it still holds it on every progress update, so with several nodes each job
-- runs once; at most one all-SKU job per store is queued or running at a time.
create table inventory.forecast_run (
    store_id     uuid        not null,
    id           uuid        not null,
    sku          text,
    status       text        not null check (status in ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
    total        integer     not null default 0,
    done         integer     not null default 0,
    failed       integer     not null default 0,
    last_sku     text,
    claimed_by   text,
    heartbeat_at timestamptz,
    attempts     integer     not null default 0,
    failure      text,
    actor_type   text        not null,
    actor_id     text        not null,
    actor_name   text        not null,
    created_at   timestamptz not null,
    started_at   timestamptz,
    finished_at  timestamptz,
    primary key (store_id, id)
);
create unique index forecast_run_one_active_per_store on inventory.forecast_run (store_id)
    where sku is null and status in ('QUEUED', 'RUNNING');
create index forecast_run_recent on inventory.forecast_run (store_id, created_at desc, id desc);
create index forecast_run_waiting on inventory.forecast_run (created_at) where status in ('QUEUED', 'RUNNING');
