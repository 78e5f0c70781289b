-- Issue 10, the merge page (decision 39): a merge remembers the trash entry of each merged-away
-- record, so the survivor's page can offer to undo it (restoring them from the trash).
alter table merges add column trash_ids uuid[] not null default '{}';
create index merges_of_survivor on merges (workspace_id, survivor_id, merged_at desc);
