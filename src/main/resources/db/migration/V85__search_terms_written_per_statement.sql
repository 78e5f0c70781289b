-- Search terms written once per statement instead of once per row (decision 29).
--
-- What made writing persons slow (measured, docs/benchmarks.md "Search terms in bulk"):
-- * sen_search_terms was STRICT, and PostgreSQL never inlines a strict set-returning SQL function:
--   every call from a row trigger parsed and planned its body again;
-- * its body split the text with regular expressions and matched every word with another one;
-- * every term row checked two foreign keys (the person or organization, the workspace);
-- * a row trigger ran one INSERT per person, and the terms of many persons went into the b-tree
--   in no order.
-- The terms themselves do not change (same function output, checked on 1,000,000 persons), so
-- the rows already in search_terms stay.

-- The same terms as V20, without regular expressions: the stored search columns are folded by
-- the application (SearchText.fold), so words are separated by spaces, as the query side splits
-- them (SearchPrefixes). Not STRICT, so that the planner inlines it into the statement that calls
-- it (null arguments still give no terms).
create or replace function sen_search_terms(search_name text, search_text text, personal boolean)
    returns setof text
    language sql immutable parallel safe
as $$
    select distinct term
    from (select w, n, cardinality(n) as name_words
          from (select array_remove(string_to_array(btrim(search_text), ' '), '') as w,
                       case when personal then array_remove(string_to_array(btrim(search_name), ' '), '') else '{}' end as n
                -- offset 0 keeps the split words one value: pulled up, they would be split again at every use
                offset 0) split) words,
         lateral (
             -- every run of words starting at a word, but not at the words of the name's second copy
             select left(array_to_string(w[i:], ' '), 32) as term from generate_subscripts(w, 1) as i
             where i <= name_words or i > 2 * name_words
             union all
             -- "~" and the reversed digits of a number of 6 digits or more
             select '~' || reverse(word) from unnest(w) as word where length(word) >= 6 and ltrim(word, '0123456789') = ''
             union all
             -- a person's given name, then family name
             select n[name_words] || ' ' || n[1] where name_words >= 2
         ) terms
    where term <> ''
$$;

-- Terms are derived rows kept by the triggers below; the foreign keys checked every term row
-- (ten per person) against its record and its workspace. Removing a record removes its terms
-- through a statement trigger instead of the cascade.
alter table search_terms drop constraint search_terms_person_id_fkey;
alter table search_terms drop constraint search_terms_organization_id_fkey;
alter table search_terms drop constraint search_terms_workspace_id_fkey;

-- New records: all terms of one statement in one insert, in index order, so that a bulk insert
-- walks the b-tree once instead of jumping to a random leaf for every term. work_mem lets the sort
-- of a 200,000-person insert (1.7 million terms) stay in memory.
create or replace function sen_index_new_person_terms() returns trigger
    language plpgsql
    set work_mem = '256MB'
as $$
begin
    insert into search_terms (workspace_id, term, person_id)
    select p.workspace_id, t, p.id
    from new_persons p, sen_search_terms(p.search_name, p.search_text, true) t
    where p.deleted_at is null
    order by p.workspace_id, t;
    return null;
end $$;

create or replace function sen_index_new_organization_terms() returns trigger
    language plpgsql
    set work_mem = '256MB'
as $$
begin
    insert into search_terms (workspace_id, term, organization_id)
    select o.workspace_id, t, o.id
    from new_organizations o, sen_search_terms(o.search_name, o.search_text, false) t
    where o.deleted_at is null
    order by o.workspace_id, t;
    return null;
end $$;

create or replace function sen_remove_gone_person_terms() returns trigger
    language plpgsql
as $$
begin
    delete from search_terms s using gone_persons p where s.person_id = p.id;
    return null;
end $$;

create or replace function sen_remove_gone_organization_terms() returns trigger
    language plpgsql
as $$
begin
    delete from search_terms s using gone_organizations o where s.organization_id = o.id;
    return null;
end $$;

drop trigger persons_search_terms_insert on persons;
drop trigger organizations_search_terms_insert on organizations;
create trigger persons_search_terms_insert after insert on persons
    referencing new table as new_persons
    for each statement execute function sen_index_new_person_terms();
create trigger organizations_search_terms_insert after insert on organizations
    referencing new table as new_organizations
    for each statement execute function sen_index_new_organization_terms();
create trigger persons_search_terms_delete after delete on persons
    referencing old table as gone_persons
    for each statement execute function sen_remove_gone_person_terms();
create trigger organizations_search_terms_delete after delete on organizations
    referencing old table as gone_organizations
    for each statement execute function sen_remove_gone_organization_terms();

-- Changes of a name, contact or trash state stay row triggers (V20, V50): they fire only for rows
-- whose search columns or deleted_at changed (a statement trigger with transition tables would
-- copy every updated row, also of the many updates that touch neither), and with the function
-- inlined they no longer plan it per row. sen_index_person_terms and sen_index_organization_terms
-- now serve only those update triggers.
