-- Export is a right of its own (issue 9, decision 20): the roles of a workspace that may download
-- lists as CSV. Administrators and managers by default; the administrator changes it.
alter table workspaces add column export_roles text[] not null default '{admin,manager}';
