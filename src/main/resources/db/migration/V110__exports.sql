-- Exports too big to answer at once run in the background (decision 34). The job and its file live
-- in the database, so any node may run it and any node may serve the download: the file is kept in
-- chunks of about 1 MB, written and read one chunk at a time, and removed with the job when it
-- expires. A node claims a job with a lease (claimed_until) it extends while it writes; a job whose
-- node died is claimed again when the lease runs out, its chunks written anew.
create table exports (
    id            uuid        primary key,
    workspace_id  uuid        not null references workspaces (id),
    user_id       uuid        not null references users (id),
    kind          text        not null check (kind ~ '^[a-z_]+$'),
    format        text        not null check (format in ('csv', 'xlsx', 'vcf')),
    filter        text        not null default '',
    columns       text[]      not null,
    language      text        not null,
    status        text        not null check (status in ('queued', 'running', 'done', 'failed')),
    rows          bigint      not null default 0,
    bytes         bigint      not null default 0,
    attempts      int         not null default 0,
    claimed_until timestamptz,
    error         text,
    created_at    timestamptz not null,
    finished_at   timestamptz,
    expires_at    timestamptz not null
);

create index exports_to_run on exports (workspace_id, created_at) where status in ('queued', 'running');
create index exports_by_expiry on exports (workspace_id, expires_at);

create table export_chunks (
    workspace_id uuid   not null references workspaces (id),
    export_id    uuid   not null references exports (id) on delete cascade,
    seq          int    not null,
    bytes        bytea  not null,
    primary key (export_id, seq)
);

alter table exports enable row level security;
alter table exports force row level security;
create policy workspace_isolation on exports using (workspace_id = sen_workspace()) with check (workspace_id = sen_workspace());
alter table export_chunks enable row level security;
alter table export_chunks force row level security;
create policy workspace_isolation on export_chunks using (workspace_id = sen_workspace()) with check (workspace_id = sen_workspace());
