-- Persons, organizations, contact roles, tags, custom fields and saved views.
create table persons (
    id              uuid primary key,
    workspace_id    uuid        not null references workspaces (id),
    family_name     text,
    middle_name     text,
    given_name      text        not null,
    display_name    text        not null,
    emails          jsonb       not null default '[]',
    phones          jsonb       not null default '[]',
    addresses       jsonb       not null default '[]',
    birthday        date,
    owner_id        uuid        not null references users (id),
    owner_team_id   uuid references teams (id),
    source          text,
    status          text        not null default 'potential' check (status in ('potential', 'existing')),
    lifecycle_stage text check (lifecycle_stage in ('first_time', 'repeat', 'regular', 'loyal', 'at_risk', 'churned')),
    consents        jsonb       not null default '{}',
    custom_fields   jsonb       not null default '{}',
    search_name     text        not null,
    search_text     text        not null,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    version         int         not null default 0
);
create index persons_list on persons (workspace_id, display_name, id);
create index persons_recent on persons (workspace_id, created_at desc, id desc);
create index persons_by_owner on persons (workspace_id, owner_id);
create index persons_search_name on persons using gin (search_name gin_trgm_ops);
create index persons_search_text on persons using gin (search_text gin_trgm_ops);
create index persons_search_prefix on persons (workspace_id, search_name text_pattern_ops);

create table organizations (
    id            uuid primary key,
    workspace_id  uuid        not null references workspaces (id),
    name          text        not null,
    kind          text        not null default 'commercial_user' check (kind in ('commercial_oem', 'commercial_user', 'commercial_distributor', 'government', 'institutional', 'other')),
    relationship  text        not null default 'customer' check (relationship in ('customer', 'partner', 'supplier', 'internal')),
    tax_code      text,
    industry      text,
    size          text,
    website       text,
    emails        jsonb       not null default '[]',
    phones        jsonb       not null default '[]',
    addresses     jsonb       not null default '[]',
    parent_id     uuid references organizations (id) on delete set null,
    owner_id      uuid        not null references users (id),
    owner_team_id uuid references teams (id),
    custom_fields jsonb       not null default '{}',
    search_name   text        not null,
    search_text   text        not null,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    version       int         not null default 0
);
create index organizations_list on organizations (workspace_id, search_name, id);
create index organizations_recent on organizations (workspace_id, created_at desc, id desc);
create index organizations_by_owner on organizations (workspace_id, owner_id);
create index organizations_search_name on organizations using gin (search_name gin_trgm_ops);
create index organizations_search_text on organizations using gin (search_text gin_trgm_ops);
create index organizations_search_prefix on organizations (workspace_id, search_name text_pattern_ops);
create index organizations_tax_code on organizations (workspace_id, tax_code);

create table contact_roles (
    id              uuid primary key,
    workspace_id    uuid   not null references workspaces (id),
    person_id       uuid   not null references persons (id) on delete cascade,
    organization_id uuid   not null references organizations (id) on delete cascade,
    job_title       text,
    buying_roles    text[] not null default '{}',
    version         int    not null default 0,
    unique (person_id, organization_id)
);
create index contact_roles_by_organization on contact_roles (organization_id);

create table tags (
    id           uuid primary key,
    workspace_id uuid not null references workspaces (id),
    name         text not null,
    color        text
);
create unique index tags_name on tags (workspace_id, lower(name));

create table person_tags (
    person_id    uuid not null references persons (id) on delete cascade,
    tag_id       uuid not null references tags (id) on delete cascade,
    workspace_id uuid not null references workspaces (id),
    primary key (person_id, tag_id)
);
create index person_tags_by_tag on person_tags (tag_id);

create table organization_tags (
    organization_id uuid not null references organizations (id) on delete cascade,
    tag_id          uuid not null references tags (id) on delete cascade,
    workspace_id    uuid not null references workspaces (id),
    primary key (organization_id, tag_id)
);
create index organization_tags_by_tag on organization_tags (tag_id);

create table custom_field_definitions (
    id           uuid primary key,
    workspace_id uuid    not null references workspaces (id),
    entity       text    not null check (entity in ('person', 'organization')),
    key          text    not null,
    label        text    not null,
    type         text    not null check (type in ('text', 'number', 'date', 'boolean', 'choice', 'multi_choice')),
    options      text[]  not null default '{}',
    required     boolean not null default false,
    position     int     not null default 0,
    version      int     not null default 0,
    unique (workspace_id, entity, key)
);

create table saved_views (
    id           uuid primary key,
    workspace_id uuid not null references workspaces (id),
    user_id      uuid not null references users (id) on delete cascade,
    entity       text not null,
    name         text not null,
    query        text not null
);
create index saved_views_by_user on saved_views (workspace_id, user_id, entity);

do $$
declare t text;
begin
    foreach t in array array['persons', 'organizations', 'contact_roles', 'tags', 'person_tags', 'organization_tags',
                             'custom_field_definitions', 'saved_views'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy workspace_isolation on %I using (workspace_id = sen_workspace()) with check (workspace_id = sen_workspace())', t);
    end loop;
end $$;
