-- Erasing a person's personal data from the append-only history (decision 26).
--
-- History stays append-only for everyone: no statement may delete a line, and an update is let
-- through only when (1) it runs inside sen_erase_history, which sets a transaction-local flag and
-- runs as the owner of the history table (SECURITY DEFINER), and (2) it changes nothing but values
-- inside `changes`, each into the erasure marker "[erased]" — same line, same keys, same actor and
-- time. The flag alone proves nothing (any role may set a setting); the owner check is what keeps
-- the application's role out once a separate owner role runs the migrations, and the value check
-- means that even the owner can only blank values this way, never write new ones.

-- Is some value of this text one of the person's identifying texts (names, emails, phones)?
-- Texts shorter than 4 characters are ignored: they would match half the workspace.
create function sen_mentions(body text, personal text[]) returns boolean
    language sql immutable parallel safe
as $$
    select body is not null and exists (
        select 1 from unnest(coalesce(personal, '{}')) p
        where length(btrim(p)) >= 4 and strpos(lower(body), lower(btrim(p))) > 0)
$$;

-- The text with every identifying text replaced by the marker (any case); null stays null.
create function sen_redact(body text, personal text[], marker text) returns text
    language plpgsql immutable parallel safe
as $$
declare
    p text;
    result text := body;
begin
    if body is null then
        return null;
    end if;
    foreach p in array coalesce(personal, '{}') loop
        if length(btrim(p)) >= 4 then
            -- every character that is not a letter, digit or space is escaped, so "+84…" and "a.b@c" match literally
            result := regexp_replace(result, regexp_replace(btrim(p), '([^[:alnum:][:space:]])', '\\\1', 'g'),
                                     replace(marker, '\', '\\'), 'gi');
        end if;
    end loop;
    return result;
end $$;

-- One history value erased? Null and the marker itself are left as they are.
create function sen_history_value_erased(v jsonb, whole boolean, personal text[]) returns boolean
    language sql immutable parallel safe
as $$ select v <> 'null'::jsonb and v <> '"[erased]"'::jsonb and (whole or sen_mentions(v #>> '{}', personal) or sen_mentions(v::text, personal)) $$;

-- The changes of a history line with values erased: every value when `whole` (a line about the
-- person or a lead that was theirs), else those that name them. Keys stay, so the line still says
-- which fields changed.
create function sen_history_redacted(changes jsonb, whole boolean, personal text[]) returns jsonb
    language sql immutable parallel safe
as $$
    select coalesce(jsonb_object_agg(key, case
            when jsonb_typeof(value) = 'object' then
                (select jsonb_object_agg(side, case when sen_history_value_erased(v, whole, personal) then '"[erased]"'::jsonb else v end)
                 from jsonb_each(value) as s(side, v))
            when sen_history_value_erased(value, whole, personal) then '"[erased]"'::jsonb
            else value end), '{}'::jsonb)
    from jsonb_each(changes)
$$;

-- Is `after` the same changes as `before` with some values turned into the marker, and nothing else?
create function sen_history_only_erased(before jsonb, after jsonb) returns boolean
    language sql immutable parallel safe
as $$
    select case when jsonb_typeof(before) = 'object' and jsonb_typeof(after) = 'object' then
        (select coalesce(array_agg(k order by k), '{}') from jsonb_object_keys(before) k)
            = (select coalesce(array_agg(k order by k), '{}') from jsonb_object_keys(after) k)
        and not exists (
            select 1 from jsonb_each(before) b join jsonb_each(after) a on a.key = b.key
            where not (a.value = b.value or a.value = '"[erased]"'::jsonb
                or case when jsonb_typeof(b.value) = 'object' and jsonb_typeof(a.value) = 'object' then
                    (select coalesce(array_agg(k order by k), '{}') from jsonb_object_keys(b.value) k)
                        = (select coalesce(array_agg(k order by k), '{}') from jsonb_object_keys(a.value) k)
                    and not exists (
                        select 1 from jsonb_each(b.value) bs join jsonb_each(a.value) x on x.key = bs.key
                        where not (x.value = bs.value or x.value = '"[erased]"'::jsonb))
                    else false end))
        else false end
$$;

-- Deleting and truncating stay refused outright (the statement trigger of V1 keeps doing that);
-- updates are checked line by line.
drop trigger history_append_only on history;
create trigger history_append_only
    before delete or truncate on history
    for each statement execute function history_is_append_only();

create function history_update_is_erasure() returns trigger
    language plpgsql
    set search_path = ${flyway:defaultSchema}, pg_temp
as $$
begin
    if current_setting('sen.history_erasure', true) is distinct from 'on'
       or current_user <> (select pg_get_userbyid(c.relowner) from pg_class c where c.oid = tg_relid)
       or new.id <> old.id or new.workspace_id <> old.workspace_id or new.entity_type <> old.entity_type
       or new.entity_id <> old.entity_id or new.action <> old.action or new.at <> old.at
       or new.actor_id is distinct from old.actor_id or new.actor_name is distinct from old.actor_name
       or not sen_history_only_erased(old.changes, new.changes) then
        raise exception 'history is append-only';
    end if;
    return new;
end $$;

create trigger history_only_erasure
    before update on history
    for each row execute function history_update_is_erasure();

-- Erases personal data from the current workspace's history: every value of the lines about the
-- given records (the person, leads that were theirs, their activities), and every value elsewhere
-- that names them (an order's customer name, a task's title). Returns how many lines changed.
-- Runs as the owner of the history table, whoever ran the migrations; the workspace must be the
-- transaction's own (row-level security applies inside too).
create function sen_erase_history(p_workspace uuid, p_entities uuid[], p_personal text[]) returns integer
    language plpgsql
    security definer
    set search_path = ${flyway:defaultSchema}, pg_temp
as $$
declare
    entities uuid[] := coalesce(p_entities, '{}');
    personal text[] := array(select btrim(v) from unnest(coalesce(p_personal, '{}')) v where length(btrim(v)) >= 4);
    erased integer;
begin
    if p_workspace is null or p_workspace is distinct from sen_workspace() then
        raise exception 'history can be erased only in the workspace of the transaction';
    end if;
    perform set_config('sen.history_erasure', 'on', true);
    update history h
    set changes = sen_history_redacted(h.changes, h.entity_id = any(entities), personal)
    where h.workspace_id = p_workspace
      and (h.entity_id = any(entities) or (cardinality(personal) > 0 and sen_mentions(h.changes::text, personal)))
      and sen_history_redacted(h.changes, h.entity_id = any(entities), personal) <> h.changes;
    get diagnostics erased = row_count;
    perform set_config('sen.history_erasure', '', true);
    return erased;
end $$;

-- A new kind of history line: "erased", on the person's id, without personal data. The check is
-- rewritten from its current definition, so values other migrations added stay allowed.
do $$
declare
    definition text;
begin
    select pg_get_constraintdef(oid) into definition
    from pg_constraint where conrelid = 'history'::regclass and conname = 'history_action_check';
    if definition is null or position('''erased''' in definition) > 0 then
        return;
    end if;
    alter table history drop constraint history_action_check;
    execute 'alter table history add constraint history_action_check '
        || replace(definition, 'ARRAY[', 'ARRAY[''erased''::text, ');
end $$;
