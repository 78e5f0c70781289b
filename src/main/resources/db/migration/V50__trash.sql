-- The trash (docs/decisions/0022): deleting a customer, lead, opportunity, quote, order, contract,
-- product, activity or task moves it, with the records that hang on it, into one trash entry
-- instead of removing rows. Only the purge removes rows, explicitly and in dependency order.

-- One row per deletion (a unit): what was deleted, how many records of each type came with it, who
-- and when. No copy of the record: its label is read from the row itself, which stays in its table.
create table trash (
    id           uuid primary key,
    workspace_id uuid        not null references workspaces (id),
    entity_type  text        not null,
    entity_id    uuid        not null,
    -- {"opportunity": 2, "activity": 5}: the records that went with it, by type
    contents     jsonb       not null default '{}',
    deleted_by   uuid references users (id),
    deleted_at   timestamptz not null
);
-- The list newest first (everything, or one type), the deleter's own entries, and the purge's
-- "older than the retention" range.
create index trash_recent on trash (workspace_id, deleted_at desc, id desc);
create index trash_by_type on trash (workspace_id, entity_type, deleted_at desc, id desc);
create index trash_by_deleter on trash (workspace_id, deleted_by, deleted_at desc, id desc);

-- How long an entry stays restorable before the nightly purge removes it for good.
create table trash_settings (
    workspace_id   uuid primary key references workspaces (id),
    retention_days int not null default 30 check (retention_days between 1 and 3650),
    version        int not null default 0
);

-- Trashed rows are seen only by a transaction that asks for them (the trash's own code, with
-- set_config('sen.trash', 'on', true)). In the policy itself, so no list, search, board, forecast
-- or KPI query can forget the condition.
create function sen_trash_shown() returns boolean
    language sql stable
as $$ select coalesce(current_setting('sen.trash', true) = 'on', false) $$;

do $$
declare t text;
begin
    foreach t in array array['persons', 'organizations', 'contact_roles', 'opportunities', 'quotes', 'orders', 'contracts',
                             'products', 'leads', 'activities', 'tasks'] loop
        execute format('alter table %I add column deleted_at timestamptz, add column trash_id uuid references trash (id)', t);
        execute format('create index %I on %I (trash_id) where trash_id is not null', t || '_in_trash', t);
        execute format('drop policy workspace_isolation on %I', t);
        execute format('create policy workspace_isolation on %I using (workspace_id = sen_workspace() and (deleted_at is null or sen_trash_shown())) with check (workspace_id = sen_workspace())', t);
    end loop;
end $$;

-- No foreign key removes a business record any more: a customer's opportunities, activities, tasks
-- and contact roles go to the trash with it and are purged with it, explicitly. What keeps cascading
-- are a record's own parts (lines, payments, stage changes, attachments) and link rows that mean
-- nothing alone (tags, search terms, buying-center and attendee links, price-list prices).
alter table contact_roles drop constraint contact_roles_person_id_fkey,
    add constraint contact_roles_person_id_fkey foreign key (person_id) references persons (id);
alter table contact_roles drop constraint contact_roles_organization_id_fkey,
    add constraint contact_roles_organization_id_fkey foreign key (organization_id) references organizations (id);
alter table opportunities drop constraint opportunities_person_id_fkey,
    add constraint opportunities_person_id_fkey foreign key (person_id) references persons (id);
alter table opportunities drop constraint opportunities_organization_id_fkey,
    add constraint opportunities_organization_id_fkey foreign key (organization_id) references organizations (id);
alter table activities drop constraint activities_person_id_fkey,
    add constraint activities_person_id_fkey foreign key (person_id) references persons (id);
alter table activities drop constraint activities_organization_id_fkey,
    add constraint activities_organization_id_fkey foreign key (organization_id) references organizations (id);
alter table tasks drop constraint tasks_person_id_fkey,
    add constraint tasks_person_id_fkey foreign key (person_id) references persons (id);
alter table tasks drop constraint tasks_organization_id_fkey,
    add constraint tasks_organization_id_fkey foreign key (organization_id) references organizations (id);

-- Finding a unit: a customer's tasks of every status, contracts, and the tasks of a record.
create index tasks_of_person on tasks (workspace_id, person_id) where person_id is not null;
create index tasks_of_organization on tasks (workspace_id, organization_id) where organization_id is not null;
create index tasks_of_record on tasks (workspace_id, record_type, record_id) where record_id is not null;
create index contracts_by_person on contracts (workspace_id, person_id) where person_id is not null;
create index contracts_by_organization on contracts (workspace_id, organization_id) where organization_id is not null;

-- Unique values of trashed records do not block new ones (a SKU, a quote's live order); restoring
-- into a taken value is refused with a message (TrashConflict).
drop index products_sku;
create unique index products_sku on products (workspace_id, lower(sku)) where deleted_at is null;
drop index orders_one_per_quote;
create unique index orders_one_per_quote on orders (quote_id)
    where quote_id is not null and status <> 'cancelled' and deleted_at is null;

-- The board, forecast, KPIs and the timeline summary stay index-only scans: the policy's
-- deleted_at is read from the index (docs/decisions/0022 shows the plans).
drop index opportunities_board;
create index opportunities_board on opportunities (workspace_id, pipeline_id, stage_id, expected_close_date, id)
    include (currency, amount, owner_id, owner_team_id, deleted_at);
drop index opportunities_by_owner;
create index opportunities_by_owner on opportunities (workspace_id, owner_id, pipeline_id, stage_id, expected_close_date, id)
    include (currency, amount, deleted_at);
drop index opportunities_by_team;
create index opportunities_by_team on opportunities (workspace_id, owner_team_id, pipeline_id, stage_id, expected_close_date, id)
    include (currency, amount, deleted_at) where owner_team_id is not null;
drop index opportunities_forecast;
create index opportunities_forecast on opportunities (workspace_id, expected_close_date)
    include (currency, status, stage_id, amount, forecast_category, owner_id, owner_team_id, created_at, closed_at, deleted_at);
drop index orders_by_placed;
create index orders_by_placed on orders (workspace_id, placed_at) include (status, currency, total, owner_id, owner_team_id, deleted_at)
    where placed_at is not null;
drop index activities_person_timeline;
create index activities_person_timeline on activities (workspace_id, person_id, occurred_at desc, id desc) include (type, deleted_at);

-- A trashed customer is not found by the search box: its terms go when it is trashed and come back
-- when it is restored.
create function sen_trash_person_terms() returns trigger
    language plpgsql
as $$
begin
    delete from search_terms where person_id = new.id;
    if new.deleted_at is null then
        insert into search_terms (workspace_id, term, person_id)
        select new.workspace_id, t, new.id from sen_search_terms(new.search_name, new.search_text, true) t;
    end if;
    return null;
end $$;

create function sen_trash_organization_terms() returns trigger
    language plpgsql
as $$
begin
    delete from search_terms where organization_id = new.id;
    if new.deleted_at is null then
        insert into search_terms (workspace_id, term, organization_id)
        select new.workspace_id, t, new.id from sen_search_terms(new.search_name, new.search_text, false) t;
    end if;
    return null;
end $$;

create trigger persons_search_terms_trash after update of deleted_at on persons
    for each row when (old.deleted_at is distinct from new.deleted_at) execute function sen_trash_person_terms();
create trigger organizations_search_terms_trash after update of deleted_at on organizations
    for each row when (old.deleted_at is distinct from new.deleted_at) execute function sen_trash_organization_terms();

-- History: a record went to the trash ("deleted", without a copy of its values), came back
-- ("restored"), or was removed for good ("purged": a tombstone without personal data).
alter table history drop constraint history_action_check;
alter table history add constraint history_action_check check (action in ('created', 'updated', 'deleted', 'restored', 'purged'));

alter table trash enable row level security;
alter table trash force row level security;
create policy workspace_isolation on trash using (workspace_id = sen_workspace()) with check (workspace_id = sen_workspace());
alter table trash_settings enable row level security;
alter table trash_settings force row level security;
create policy workspace_isolation on trash_settings using (workspace_id = sen_workspace()) with check (workspace_id = sen_workspace());
