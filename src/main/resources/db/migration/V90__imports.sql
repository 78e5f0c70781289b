-- Imports (issue 10 §2, decision 30): a file of persons (later organizations, leads, products,
-- orders) read in the background, written set-based from a staging table, undoable for 7 days.

-- One row per import. The job is claimed by an update (queued → running) and its node then holds a
-- "for key share" lock on the row for the whole import transaction: a job that is running but whose
-- row can be locked "for update" has lost its node (PostgreSQL rolled its transaction back), and the
-- recovery queues it again from the start.
create table import_jobs (
    id               uuid primary key,
    workspace_id     uuid        not null references workspaces (id),
    type             text        not null check (type in ('persons', 'organizations', 'leads', 'products', 'orders')),
    -- draft: uploaded on the Import page, its mapping being chosen on the preview; never run
    status           text        not null check (status in ('draft', 'queued', 'running', 'done', 'failed', 'cancelled', 'undone')),
    file_name        text        not null,
    file_format      text        not null check (file_format in ('csv', 'xlsx', 'vcf')),
    encoding         text,
    -- column name as in the file → field key ({"Họ tên": "fullName", "Email": "email"})
    mapping          jsonb       not null default '{}',
    -- the column names of the file, in order (for the errors file)
    header           jsonb       not null default '[]',
    match_by         text[]      not null default '{}',
    on_match         text        not null check (on_match in ('update_empty', 'overwrite', 'skip')),
    on_no_match      text        not null check (on_no_match in ('create', 'skip')),
    allow_duplicates boolean     not null default false,
    created_by       uuid        not null references users (id),
    locale           text        not null default 'vi',
    rows_read        int         not null default 0,
    created          int         not null default 0,
    updated          int         not null default 0,
    skipped          int         not null default 0,
    failed           int         not null default 0,
    attempts         int         not null default 0,
    -- why the last attempt ended without finishing: 'restarted' (its node stopped; rolled back whole and started again)
    note             text,
    error            text,
    cancel_requested boolean     not null default false,
    created_at       timestamptz not null,
    started_at       timestamptz,
    progress_at      timestamptz,
    finished_at      timestamptz,
    undone_at        timestamptz
);
create index import_jobs_recent on import_jobs (workspace_id, created_at desc, id desc);
create index import_jobs_waiting on import_jobs (workspace_id, status) where status in ('queued', 'running');

-- The uploaded file, in parts of up to 1 MB, so that any node can run the import and the errors file
-- can be made from the original rows. Removed with the job.
create table import_files (
    job_id       uuid    not null references import_jobs (id) on delete cascade,
    workspace_id uuid    not null references workspaces (id),
    part         int     not null,
    bytes        bytea   not null,
    primary key (job_id, part)
);

-- Rows that were not imported: the row number as a spreadsheet numbers it (the header is row 1), every
-- problem as a message code with its arguments, and the record a duplicate row matched.
create table import_failures (
    job_id       uuid  not null references import_jobs (id) on delete cascade,
    workspace_id uuid  not null references workspaces (id),
    row_number   int   not null,
    problems     jsonb not null,
    record_id    uuid,
    primary key (job_id, row_number)
);

-- What an import did to each record, for its undo: created, or updated from these values ("before").
create table import_changes (
    job_id       uuid  not null references import_jobs (id) on delete cascade,
    workspace_id uuid  not null references workspaces (id),
    entity_type  text  not null,
    entity_id    uuid  not null,
    action       text  not null check (action in ('created', 'updated')),
    before       jsonb,
    primary key (job_id, entity_id)
);

-- Mappings saved for next time, per type of record.
create table import_mappings (
    id           uuid primary key,
    workspace_id uuid        not null references workspaces (id),
    type         text        not null,
    name         text        not null check (length(name) between 1 and 100),
    mapping      jsonb       not null,
    created_by   uuid references users (id),
    created_at   timestamptz not null,
    unique (workspace_id, type, name)
);

do $$
declare t text;
begin
    foreach t in array array['import_jobs', 'import_files', 'import_failures', 'import_changes', 'import_mappings'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy workspace_isolation on %I using (workspace_id = sen_workspace()) with check (workspace_id = sen_workspace())', t);
    end loop;
end $$;

-- A time-ordered id (UUIDv7, as platform.Ids makes them) for rows written set-based, such as history.
create function sen_uuid7(at timestamptz) returns uuid
    language sql volatile
as $$
select encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
    placing substring(int8send(floor(extract(epoch from at) * 1000)::bigint) from 3) from 1 for 6), 52, 1), 53, 1), 'hex')::uuid
$$;
