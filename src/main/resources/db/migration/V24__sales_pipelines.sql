-- Sales pipelines with their stages, opportunities, their contacts and their stage history.
--
-- Indexes are made for the board (docs/decisions/0008): cards of one stage ordered by close date,
-- and per-stage totals, both by equality on (workspace, pipeline, stage) and a range on the close
-- date. Under FORCE ROW LEVEL SECURITY only leakproof operators (=, <, >= on uuid, date, text) may
-- use an index ahead of the policy (decision 6), so every board filter is one of those. The
-- INCLUDE columns let the totals and owner/team filters run as index-only scans.

create table pipelines (
    id           uuid primary key,
    workspace_id uuid        not null references workspaces (id),
    name         text        not null,
    position     int         not null,
    -- 'b2b' or 'b2c' for the two defaults made with the workspace, so they are made once only
    template     text,
    archived     boolean     not null default false,
    created_at   timestamptz not null default now(),
    version      int         not null default 0
);
create unique index pipelines_template on pipelines (workspace_id, template) where template is not null;
create index pipelines_in_order on pipelines (workspace_id, position);

create table pipeline_stages (
    id           uuid primary key,
    workspace_id uuid        not null references workspaces (id),
    pipeline_id  uuid        not null references pipelines (id),
    name         text        not null,
    probability  int         not null check (probability between 0 and 100),
    kind         text        not null check (kind in ('open', 'won', 'lost')),
    position     int         not null,
    archived     boolean     not null default false,
    created_at   timestamptz not null default now(),
    version      int         not null default 0
);
create index pipeline_stages_in_order on pipeline_stages (workspace_id, pipeline_id, position);

create table opportunities (
    id                  uuid primary key,
    workspace_id        uuid          not null references workspaces (id),
    name                text          not null,
    pipeline_id         uuid          not null references pipelines (id),
    stage_id            uuid          not null references pipeline_stages (id),
    status              text          not null check (status in ('open', 'won', 'lost')),
    person_id           uuid references persons (id) on delete cascade,
    organization_id     uuid references organizations (id) on delete cascade,
    amount              numeric(19, 4) check (amount >= 0),
    currency            char(3)       not null,
    -- the expected close date while open; the day it closed once won or lost
    expected_close_date date          not null,
    owner_id            uuid          not null references users (id),
    owner_team_id       uuid references teams (id),
    competitors         text[]        not null default '{}',
    next_step           text,
    lost_reason         text,
    stage_entered_at    timestamptz   not null,
    closed_at           timestamptz,
    created_at          timestamptz   not null default now(),
    updated_at          timestamptz   not null default now(),
    version             int           not null default 0,
    check ((person_id is null) <> (organization_id is null)),
    check (status <> 'lost' or lost_reason is not null)
);
-- The board: one stage's cards by close date, and the totals of each stage (index-only).
create index opportunities_board on opportunities (workspace_id, pipeline_id, stage_id, expected_close_date, id)
    include (currency, amount, owner_id, owner_team_id);
-- The board and list filtered by owner or by team (also the "own or team" sight of sales users).
create index opportunities_by_owner on opportunities (workspace_id, owner_id, pipeline_id, stage_id, expected_close_date, id)
    include (currency, amount);
create index opportunities_by_team on opportunities (workspace_id, owner_team_id, pipeline_id, stage_id, expected_close_date, id)
    include (currency, amount) where owner_team_id is not null;
-- The list over all pipelines by close date (and a month of it), and a customer's opportunities.
create index opportunities_by_close_date on opportunities (workspace_id, expected_close_date, id);
create index opportunities_by_person on opportunities (workspace_id, person_id) where person_id is not null;
create index opportunities_by_organization on opportunities (workspace_id, organization_id) where organization_id is not null;
create index opportunities_person_fk on opportunities (person_id) where person_id is not null;
create index opportunities_organization_fk on opportunities (organization_id) where organization_id is not null;

-- Persons in the buying center of one opportunity, with their roles in it.
create table opportunity_contacts (
    workspace_id   uuid   not null references workspaces (id),
    opportunity_id uuid   not null references opportunities (id) on delete cascade,
    person_id      uuid   not null references persons (id) on delete cascade,
    buying_roles   text[] not null default '{}',
    position       int    not null default 0,
    primary key (opportunity_id, person_id)
);
create index opportunity_contacts_by_person on opportunity_contacts (person_id);

-- Every stage an opportunity entered (the first row when it was created), for the time in each stage.
create table opportunity_stage_changes (
    id              uuid primary key,
    workspace_id    uuid        not null references workspaces (id),
    opportunity_id  uuid        not null references opportunities (id) on delete cascade,
    from_stage_id   uuid references pipeline_stages (id),
    to_stage_id     uuid        not null references pipeline_stages (id),
    changed_at      timestamptz not null,
    changed_by      uuid references users (id),
    changed_by_name text
);
create index opportunity_stage_changes_by_opportunity on opportunity_stage_changes (workspace_id, opportunity_id, changed_at, id);

do $$
declare t text;
begin
    foreach t in array array['pipelines', 'pipeline_stages', 'opportunities', 'opportunity_contacts',
                             'opportunity_stage_changes'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy workspace_isolation on %I using (workspace_id = sen_workspace()) with check (workspace_id = sen_workspace())', t);
    end loop;
end $$;
