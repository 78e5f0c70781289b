-- Users, teams and API tokens of a workspace; credentials are instance-wide (one email, one login).
create table users (
    id             uuid primary key,
    workspace_id   uuid        not null references workspaces (id),
    email          text        not null,
    display_name   text        not null,
    role           text        not null check (role in ('admin', 'manager', 'sales', 'marketing', 'support', 'viewer')),
    instance_admin boolean     not null default false,
    language       text,
    active         boolean     not null default true,
    created_at     timestamptz not null default now(),
    version        int         not null default 0
);
create unique index users_email on users (lower(email));
create index users_by_workspace on users (workspace_id, display_name);

-- Looked up before the workspace is known (sign-in), so it is not workspace-scoped.
create table credentials (
    email           text primary key,
    user_id         uuid        not null references users (id) on delete cascade,
    workspace_id    uuid        not null references workspaces (id),
    password_hash   text        not null,
    failed_attempts int         not null default 0,
    locked_until    timestamptz
);

create table teams (
    id           uuid primary key,
    workspace_id uuid not null references workspaces (id),
    name         text not null,
    version      int  not null default 0
);
create unique index teams_name on teams (workspace_id, lower(name));

create table team_members (
    team_id      uuid not null references teams (id) on delete cascade,
    user_id      uuid not null references users (id) on delete cascade,
    workspace_id uuid not null references workspaces (id),
    primary key (team_id, user_id)
);
create index team_members_by_user on team_members (user_id);

create table api_tokens (
    id           uuid primary key,
    workspace_id uuid        not null references workspaces (id),
    user_id      uuid        not null references users (id) on delete cascade,
    name         text        not null,
    token_hash   text        not null,
    scopes       text[]      not null,
    created_at   timestamptz not null default now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index api_tokens_by_user on api_tokens (workspace_id, user_id);

do $$
declare t text;
begin
    foreach t in array array['users', 'teams', 'team_members', 'api_tokens'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy workspace_isolation on %I using (workspace_id = sen_workspace()) with check (workspace_id = sen_workspace())', t);
    end loop;
end $$;
