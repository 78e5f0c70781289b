-- Search terms: what the search box matches, one row per term, found by b-tree range scans.
--
-- Why not the trigram and text_pattern_ops indexes of V3: the application's role is subject to
-- row-level security, and PostgreSQL lets a condition use an index ahead of the policy check only
-- when its operator is leakproof. LIKE and pg_trgm's % are not (only a superuser can mark a
-- function leakproof), so under RLS those indexes were never used and every search read the whole
-- table (EXPLAIN in docs/benchmarks.md). Text comparisons (>=, <) are leakproof: a prefix range
-- over a b-tree works under RLS. Typos are then handled by ranking a few prefix candidates by
-- edit distance, see CustomerSearch.

create extension if not exists fuzzystrmatch;

create table search_terms (
    workspace_id    uuid not null references workspaces (id),
    term            text collate "C" not null,
    person_id       uuid references persons (id) on delete cascade,
    organization_id uuid references organizations (id) on delete cascade,
    check ((person_id is null) <> (organization_id is null))
);
-- One range per kind of record, so that looking up organizations never walks past the persons' terms.
create index search_terms_of_persons on search_terms (workspace_id, term) include (person_id) where person_id is not null;
create index search_terms_of_organizations on search_terms (workspace_id, term) include (organization_id)
    where organization_id is not null;
create index search_terms_by_person on search_terms (person_id) where person_id is not null;
create index search_terms_by_organization on search_terms (organization_id) where organization_id is not null;

alter table search_terms enable row level security;
alter table search_terms force row level security;
create policy workspace_isolation on search_terms
    using (workspace_id = sen_workspace()) with check (workspace_id = sen_workspace());

-- The terms of one record, from its stored (already folded) search columns:
-- * every run of words of search_text that starts at a word, cut to 32 characters (enough for a
--   name typed in full): "nguyen van an", "van an", "an", "an.nguyen@example.vn", "84901234567";
--   for a person the words of the second, given-name-first copy of the name are not starts
--   (Person.searchText() writes the name twice), their order is covered by the next rule;
-- * for a person, given name then family name: "thao nguyen" for "Nguyễn Thị Thảo";
-- * "~" and the reversed digits of every number of 6 digits or more (phones, tax codes), so that
--   the last digits of a number are a prefix too.
create function sen_search_terms(search_name text, search_text text, personal boolean)
    returns setof text
    language sql immutable strict parallel safe
as $$
    with words as (
        select regexp_split_to_array(btrim(search_text), '\s+') as w,
               case when personal then cardinality(regexp_split_to_array(btrim(search_name), '\s+')) else 0 end as name_words
    )
    select distinct term from (
        select left(array_to_string(w[i:], ' '), 32) as term
        from words, generate_subscripts(w, 1) as i
        where not (i > name_words and i <= 2 * name_words)
        union all
        select '~' || reverse(word) from words, unnest(w) as word where word ~ '^[0-9]{6,}$'
        union all
        select n[cardinality(n)] || ' ' || n[1]
        from (select regexp_split_to_array(btrim(search_name), '\s+') as n) names
        where personal and cardinality(n) >= 2
    ) terms
    where term <> ''
$$;

-- How close a name is to a query with a typo: 1 minus the edit distance over the longer length.
-- Unlike trigram similarity it does not favour shorter names ("pham thi thu" over "pham thi thu
-- trang" for "pham thi thu trnag").
create function sen_edit_similarity(a text, b text) returns double precision
    language sql immutable strict parallel safe
as $$ select 1 - levenshtein(left(a, 255), left(b, 255))::double precision / greatest(length(a), length(b), 1) $$;

create function sen_index_person_terms() returns trigger
    language plpgsql
as $$
begin
    if tg_op = 'UPDATE' then
        delete from search_terms where person_id = old.id;
    end if;
    insert into search_terms (workspace_id, term, person_id)
    select new.workspace_id, t, new.id from sen_search_terms(new.search_name, new.search_text, true) t;
    return null;
end $$;

create function sen_index_organization_terms() returns trigger
    language plpgsql
as $$
begin
    if tg_op = 'UPDATE' then
        delete from search_terms where organization_id = old.id;
    end if;
    insert into search_terms (workspace_id, term, organization_id)
    select new.workspace_id, t, new.id from sen_search_terms(new.search_name, new.search_text, false) t;
    return null;
end $$;

create trigger persons_search_terms_insert after insert on persons
    for each row execute function sen_index_person_terms();
create trigger persons_search_terms_update after update of search_name, search_text on persons
    for each row when (old.search_name is distinct from new.search_name or old.search_text is distinct from new.search_text)
    execute function sen_index_person_terms();
create trigger organizations_search_terms_insert after insert on organizations
    for each row execute function sen_index_organization_terms();
create trigger organizations_search_terms_update after update of search_name, search_text on organizations
    for each row when (old.search_name is distinct from new.search_name or old.search_text is distinct from new.search_text)
    execute function sen_index_organization_terms();

-- Terms for the records already there. The migration runs without a workspace, so the policies
-- would hide every row: the owner lifts FORCE for this transaction only.
alter table persons no force row level security;
alter table organizations no force row level security;
alter table search_terms no force row level security;
insert into search_terms (workspace_id, term, person_id)
select p.workspace_id, t, p.id from persons p, sen_search_terms(p.search_name, p.search_text, true) t;
insert into search_terms (workspace_id, term, organization_id)
select o.workspace_id, t, o.id from organizations o, sen_search_terms(o.search_name, o.search_text, false) t;
alter table persons force row level security;
alter table organizations force row level security;
alter table search_terms force row level security;

-- Never usable by the application under row-level security (see above); they only slowed writes.
drop index persons_search_name;
drop index persons_search_text;
drop index persons_search_prefix;
drop index organizations_search_name;
drop index organizations_search_text;
drop index organizations_search_prefix;
