-- A person import writes the search terms of its new persons itself (decision 41): made in Java
-- (directory.search.SearchTerms, proved equal to sen_search_terms on real data by
-- SearchTermsAgreeTest) while the file streams, staged with the rows, and inserted in one statement
-- sorted by term. For that one statement it sets sen.person_terms_written = 'on' (transaction-local,
-- reset right after), and the statement trigger of V85 then leaves the terms to it. Every other
-- writer is unchanged: without the setting, the trigger makes the terms as before.
create or replace function sen_index_new_person_terms() returns trigger
    language plpgsql
    set work_mem = '256MB'
as $$
begin
    if current_setting('sen.person_terms_written', true) = 'on' then
        return null;
    end if;
    insert into search_terms (workspace_id, term, person_id)
    select p.workspace_id, t, p.id
    from new_persons p, sen_search_terms(p.search_name, p.search_text, true) t
    where p.deleted_at is null
    order by p.workspace_id, t;
    return null;
end $$;
