-- product CSV imports, run as background jobs that survive restarts
create table catalog.import_job (
    store_id        uuid        not null,
    id              uuid        not null,
    format          text        not null check (format in ('SHOPIFY', 'WOOCOMMERCE', 'SHOPWRIGHT')),
    file_name       text        not null,
    file_bytes      bigint      not null,
    status          text        not null check (status in ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
    total_rows      integer     not null,
    rows_done       integer     not null default 0,
    -- products finished (created + updated + failed), in file order: where a resumed job continues
    products_done   integer     not null default 0,
    created_count   integer     not null default 0,
    updated_count   integer     not null default 0,
    failed_count    integer     not null default 0,
    error_count     integer     not null default 0,
    -- columns (or values) of the file that have no place in the catalog: [{column, values, reason}]
    notes           jsonb       not null default '[]',
    -- why the job as a whole failed (a product's own errors are in import_issue)
    failure         text,
    attempts        integer     not null default 0,
    actor_type      text        not null,
    actor_id        text        not null,
    actor_name      text        not null,
    -- the node working on it; a RUNNING job whose heartbeat stopped is taken over by any node
    claimed_by      text,
    heartbeat_at    timestamptz,
    created_at      timestamptz not null,
    started_at      timestamptz,
    finished_at     timestamptz,
    primary key (store_id, id)
);
create index import_job_recent on catalog.import_job (store_id, created_at desc, id);
create index import_job_waiting on catalog.import_job (created_at) where status in ('QUEUED', 'RUNNING');

-- the uploaded file, gzip-compressed, kept until the job has finished so any node can run or resume it
create table catalog.import_file (
    store_id  uuid  not null,
    job_id    uuid  not null,
    content   bytea not null,
    primary key (store_id, job_id),
    foreign key (store_id, job_id) references catalog.import_job (store_id, id) on delete cascade
);

-- what went wrong (ERROR: the product was not imported) or was left out (WARNING), by line and column
create table catalog.import_issue (
    store_id     uuid    not null,
    job_id       uuid    not null,
    seq          bigint  generated always as identity,
    severity     text    not null check (severity in ('ERROR', 'WARNING')),
    line         integer not null,
    column_name  text    not null,
    product      text    not null,
    message      text    not null,
    primary key (store_id, job_id, seq),
    foreign key (store_id, job_id) references catalog.import_job (store_id, id) on delete cascade
);
create index import_issue_by_line on catalog.import_issue (store_id, job_id, severity, line, seq);
