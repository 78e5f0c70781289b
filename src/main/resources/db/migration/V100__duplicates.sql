-- Issue 10, duplicates (decision 32): the whole-base finder's stored results, its scans, and the
-- pairs a user said are not duplicates.

-- One scan of a workspace's persons or organizations. At most one is queued or running per kind,
-- so two nodes (or two clicks) never scan the same base at once.
create table duplicate_scans (
    id           uuid primary key,
    workspace_id uuid        not null references workspaces (id),
    entity       text        not null check (entity in ('person', 'organization')),
    status       text        not null check (status in ('queued', 'running', 'done', 'failed')),
    requested_by uuid references users (id),
    requested_at timestamptz not null,
    started_at   timestamptz,
    finished_at  timestamptz,
    candidates   bigint,
    pairs        int,
    groups       int
);
create unique index duplicate_scans_one_open on duplicate_scans (workspace_id, entity) where status in ('queued', 'running');
create index duplicate_scans_recent on duplicate_scans (workspace_id, entity, requested_at desc);

-- The groups of the last finished scan (records connected by pairs), best first.
create table duplicate_groups (
    id           uuid primary key,
    workspace_id uuid   not null references workspaces (id),
    entity       text   not null check (entity in ('person', 'organization')),
    ids          uuid[] not null,
    score        real   not null,
    reasons      text[] not null
);
create index duplicate_groups_best on duplicate_groups (workspace_id, entity, score desc, id desc);

-- The scored pairs of those groups (low_id < high_id).
create table duplicate_pairs (
    workspace_id uuid   not null references workspaces (id),
    entity       text   not null check (entity in ('person', 'organization')),
    low_id       uuid   not null,
    high_id      uuid   not null,
    score        real   not null,
    reasons      text[] not null,
    group_id     uuid   not null references duplicate_groups (id) on delete cascade,
    primary key (workspace_id, entity, low_id, high_id)
);
create index duplicate_pairs_by_group on duplicate_pairs (group_id);
create index duplicate_pairs_by_high on duplicate_pairs (workspace_id, entity, high_id);

-- "Not a duplicate", remembered per pair (low_id < high_id) across scans.
create table not_duplicates (
    workspace_id uuid        not null references workspaces (id),
    entity       text        not null check (entity in ('person', 'organization')),
    low_id       uuid        not null,
    high_id      uuid        not null,
    decided_by   uuid references users (id),
    decided_at   timestamptz not null,
    primary key (workspace_id, entity, low_id, high_id)
);

do $$
declare t text;
begin
    foreach t in array array['duplicate_scans', 'duplicate_groups', 'duplicate_pairs', 'not_duplicates'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy workspace_isolation on %I using (workspace_id = sen_workspace()) with check (workspace_id = sen_workspace())', t);
    end loop;
end $$;
