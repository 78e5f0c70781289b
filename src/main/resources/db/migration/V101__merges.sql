-- Issue 10, merge (decision 33): a merge of customers, and every link it moved from a merged-away
-- record to the survivor (table, column, the row's key, where it pointed before), so that a merged
-- record can answer 404 with mergedInto and a merge can be undone.
create table merges (
    id           uuid primary key,
    workspace_id uuid        not null references workspaces (id),
    entity       text        not null check (entity in ('person', 'organization')),
    survivor_id  uuid        not null,
    merged_ids   uuid[]      not null,
    fields       jsonb       not null default '{}',
    merged_by    uuid references users (id),
    merged_at    timestamptz not null,
    undone_at    timestamptz
);
create index merges_by_merged on merges using gin (merged_ids);
create index merges_recent on merges (workspace_id, merged_at desc);

create table merge_moves (
    merge_id     uuid not null references merges (id) on delete cascade,
    workspace_id uuid not null references workspaces (id),
    table_name   text not null,
    column_name  text not null,
    row_key      uuid not null,
    from_id      uuid not null
);
create index merge_moves_of_merge on merge_moves (merge_id);

do $$
declare t text;
begin
    foreach t in array array['merges', 'merge_moves'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy workspace_isolation on %I using (workspace_id = sen_workspace()) with check (workspace_id = sen_workspace())', t);
    end loop;
end $$;

-- A merge writes a "merged" line on the survivor and on each merged-away record.
do $$
declare
    definition text;
begin
    select pg_get_constraintdef(oid) into definition
    from pg_constraint where conrelid = 'history'::regclass and conname = 'history_action_check';
    if definition is null or position('''merged''' in definition) > 0 then
        return;
    end if;
    alter table history drop constraint history_action_check;
    execute 'alter table history add constraint history_action_check '
        || replace(definition, 'ARRAY[', 'ARRAY[''merged''::text, ');
end $$;
