-- Leads: web forms that capture them, the leads themselves, scoring and assignment rules, and the
-- per-form submission counters that rate-limit the public intake. Decision 0011.

create table web_forms (
    id               uuid primary key,
    workspace_id     uuid        not null references workspaces (id),
    name             text        not null,
    -- wf_<workspace id in hex><random secret>: found inside its workspace without a cross-tenant lookup
    form_key         text        not null unique,
    -- the lead fields the form asks for, in order: [{"name": "email", "required": true}, ...]
    fields           jsonb       not null default '[]',
    consent_text     text,
    consent_channels text[]      not null default '{}',
    consent_required boolean     not null default false,
    thank_you        text,
    redirect_url     text,
    default_source   text        not null default 'web_form',
    default_campaign text,
    allowed_origins  text[]      not null default '{}',
    language         text        not null default 'vi' check (language in ('vi', 'en')),
    active           boolean     not null default true,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    version          int         not null default 0
);
create index web_forms_by_workspace on web_forms (workspace_id, name);

create table leads (
    id                        uuid primary key,
    workspace_id              uuid        not null references workspaces (id),
    status                    text        not null default 'new'
        check (status in ('new', 'working', 'qualified', 'disqualified', 'converted')),
    family_name               text,
    given_name                text,
    email                     text,
    phone                     text,
    company_name              text,
    tax_code                  text,
    job_title                 text,
    province                  text,
    message                   text,
    source                    text        not null,
    campaign                  text,
    consents                  jsonb       not null default '{}',
    -- the consent text the person agreed to, as the form showed it then
    consent_text              text,
    web_form_id               uuid references web_forms (id) on delete set null,
    owner_id                  uuid references users (id),
    owner_team_id             uuid references teams (id),
    score                     int         not null default 0,
    disqualify_reason         text,
    linked_person_id          uuid references persons (id) on delete set null,
    linked_organization_id    uuid references organizations (id) on delete set null,
    converted_person_id       uuid references persons (id) on delete set null,
    converted_organization_id uuid references organizations (id) on delete set null,
    -- no foreign key: opportunities belong to another part of the sales module
    converted_opportunity_id  uuid,
    converted_at              timestamptz,
    activity_count            int         not null default 0,
    last_activity_at          timestamptz,
    possible_duplicates       int         not null default 0,
    -- folded name words in sorted order ("an nguyen van"), folded company name without its legal form
    name_key                  text,
    company_key               text,
    created_at                timestamptz not null default now(),
    updated_at                timestamptz not null default now(),
    version                   int         not null default 0,
    check (status <> 'disqualified' or disqualify_reason is not null)
);
create index leads_by_score on leads (workspace_id, score desc, id desc);
create index leads_recent on leads (workspace_id, created_at desc, id desc);
create index leads_by_owner on leads (workspace_id, owner_id);
-- duplicate checks among leads: plain equality, which PostgreSQL runs in an index under row-level security
create index leads_by_email on leads (workspace_id, email) where email is not null;
create index leads_by_phone on leads (workspace_id, phone) where phone is not null;
create index leads_by_tax_code on leads (workspace_id, tax_code) where tax_code is not null;
create index leads_by_name_key on leads (workspace_id, name_key) where name_key is not null;
create index leads_by_company_key on leads (workspace_id, company_key) where company_key is not null;

create table lead_scoring_rules (
    id           uuid primary key,
    workspace_id uuid not null references workspaces (id),
    kind         text not null check (kind in ('field_present', 'field_equals', 'source_equals', 'activity_count_at_least',
                                               'activity_within_days')),
    field        text,
    value        text,
    points       int  not null check (points between -1000 and 1000),
    position     int  not null default 0,
    version      int  not null default 0
);
create index lead_scoring_rules_by_workspace on lead_scoring_rules (workspace_id, position);

-- A workspace scores with the default rules until this row exists; it is written, and the
-- defaults copied, once (insert ... on conflict do nothing decides who copies).
create table lead_scoring_defaults_copied (
    workspace_id uuid primary key references workspaces (id),
    copied_at    timestamptz not null default now()
);

create table lead_assignment_rules (
    id           uuid primary key,
    workspace_id uuid    not null references workspaces (id),
    position     int     not null default 0,
    match_field  text    not null default 'any' check (match_field in ('any', 'source', 'province', 'campaign')),
    match_value  text,
    user_id      uuid references users (id) on delete cascade,
    team_id      uuid references teams (id) on delete cascade,
    -- round-robin pointer: the member who got the last lead (rules with a team and no user)
    last_user_id uuid,
    active       boolean not null default true,
    version      int     not null default 0,
    check (user_id is not null or team_id is not null),
    check (match_field = 'any' or match_value is not null)
);
create index lead_assignment_rules_by_workspace on lead_assignment_rules (workspace_id, position);

-- Submissions per form, client address and minute window: shared by all app nodes.
create table web_form_hits (
    workspace_id uuid        not null references workspaces (id),
    form_id      uuid        not null references web_forms (id) on delete cascade,
    client       text        not null,
    window_start timestamptz not null,
    hits         int         not null default 1,
    primary key (form_id, client, window_start)
);
create index web_form_hits_by_window on web_form_hits (workspace_id, window_start);

do $$
declare t text;
begin
    foreach t in array array['web_forms', 'leads', 'lead_scoring_rules', 'lead_scoring_defaults_copied',
                             'lead_assignment_rules', 'web_form_hits'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy workspace_isolation on %I using (workspace_id = sen_workspace()) with check (workspace_id = sen_workspace())', t);
    end loop;
end $$;
