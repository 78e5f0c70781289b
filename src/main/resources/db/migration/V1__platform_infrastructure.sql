-- Extensions, the workspace setting that row-level security keys on, sessions and the event registry.
create extension if not exists pg_trgm;

-- The workspace of the current transaction, set by the application with
-- set_config('sen.workspace_id', ?, true). Unset or empty: no workspace, so policies match nothing.
create function sen_workspace() returns uuid
    language sql stable
as $$ select nullif(current_setting('sen.workspace_id', true), '')::uuid $$;

create table workspaces (
    id               uuid primary key,
    name             text        not null,
    default_language text        not null default 'vi',
    time_zone        text        not null default 'Asia/Ho_Chi_Minh',
    currency         text        not null default 'VND',
    name_order       text        not null default 'by_language',
    created_at       timestamptz not null default now(),
    version          int         not null default 0
);

create table spring_session (
    primary_id            char(36) not null primary key,
    session_id            char(36) not null,
    creation_time         bigint   not null,
    last_access_time      bigint   not null,
    max_inactive_interval int      not null,
    expiry_time           bigint   not null,
    principal_name        varchar(100)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null references spring_session (primary_id) on delete cascade,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    primary key (session_primary_id, attribute_name)
);

create table event_publication (
    id                     uuid        not null primary key,
    listener_id            text        not null,
    event_type             text        not null,
    serialized_event       text        not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);

-- History of every business record: append-only, nobody may change or remove a line.
create table history (
    id           uuid primary key,
    workspace_id uuid        not null references workspaces (id),
    entity_type  text        not null,
    entity_id    uuid        not null,
    action       text        not null check (action in ('created', 'updated', 'deleted')),
    actor_id     uuid,
    actor_name   text,
    at           timestamptz not null default now(),
    changes      jsonb       not null default '{}'
);
create index history_by_entity on history (workspace_id, entity_id, at desc);

create function history_is_append_only() returns trigger
    language plpgsql
as $$ begin raise exception 'history is append-only'; end $$;

create trigger history_append_only
    before update or delete or truncate on history
    for each statement execute function history_is_append_only();

alter table history enable row level security;
alter table history force row level security;
create policy workspace_isolation on history
    using (workspace_id = sen_workspace()) with check (workspace_id = sen_workspace());
