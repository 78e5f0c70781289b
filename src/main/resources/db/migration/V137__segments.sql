-- Segments (issue 11 §3, decision 47): a saved rule over persons or organizations, evaluated when
-- used, or a static list of customers added by hand. Members of a rule are never stored: the rule is
-- compiled to one SQL condition each time, so they are always current.
create table segments (
    id            uuid primary key,
    workspace_id  uuid        not null references workspaces (id),
    name          text        not null check (length(name) between 1 and 200),
    customer_type text        not null check (customer_type in ('person', 'organization')),
    static        boolean     not null default false,
    -- {"all":[…]} / {"any":[…]} / {"not":{…}} of groups and {"field","op","value"}; null for a static list
    rule          jsonb,
    owner_id      uuid        not null references users (id),
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    version       int         not null default 0,
    check (static = (rule is null))
);
create index segments_by_name on segments (workspace_id, lower(name), id);

-- The members of a static list. A member in the trash stays listed here but row-level security
-- hides the customer from every read that joins it; a purged customer leaves a line that joins nothing.
create table segment_members (
    workspace_id uuid        not null references workspaces (id),
    segment_id   uuid        not null references segments (id) on delete cascade,
    customer_id  uuid        not null,
    added_at     timestamptz not null,
    primary key (segment_id, customer_id)
);
create index segment_members_by_customer on segment_members (workspace_id, customer_id);

do $$
    declare
        t text;
    begin
        foreach t in array array ['segments', 'segment_members']
            loop
                execute format('alter table %I enable row level security', t);
                execute format('alter table %I force row level security', t);
                execute format('create policy workspace_isolation on %I using (workspace_id = sen_workspace()) with check (workspace_id = sen_workspace())', t);
            end loop;
    end
$$;

-- Rules on values read customer_values by value and join back on the customer: one index per
-- kind of comparison a rule makes on it (tier and RFM segment have theirs since V131).
create index customer_values_by_lifetime_value on customer_values (workspace_id, customer_type, predicted_lifetime_value)
    include (customer_id);
create index customer_values_by_last_order on customer_values (workspace_id, customer_type, last_order_on) include (customer_id);

-- A segment's count reads every customer of the workspace that a rule's semi-joins keep: a narrow
-- index with what row-level security checks (deleted_at) lets it read the index alone, not the
-- wide rows (docs/analytics.md, SegmentBenchmark's plans).
create index persons_in_segments on persons (workspace_id, id) include (deleted_at);
create index organizations_in_segments on organizations (workspace_id, id) include (deleted_at);
