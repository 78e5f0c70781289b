-- Issue 10: the key a record has in the system it came from. Optional, unique per workspace and
-- record type (trashed records keep theirs, so a re-import finds them instead of creating twins).
alter table persons add column external_id text;
alter table organizations add column external_id text;
alter table leads add column external_id text;
alter table products add column external_id text;
alter table orders add column external_id text;

create unique index persons_external_id on persons (workspace_id, external_id) where external_id is not null;
create unique index organizations_external_id on organizations (workspace_id, external_id) where external_id is not null;
create unique index leads_external_id on leads (workspace_id, external_id) where external_id is not null;
create unique index products_external_id on products (workspace_id, external_id) where external_id is not null;
create unique index orders_external_id on orders (workspace_id, external_id) where external_id is not null;

alter table persons add constraint persons_external_id_length check (length(external_id) between 1 and 200);
alter table organizations add constraint organizations_external_id_length check (length(external_id) between 1 and 200);
alter table leads add constraint leads_external_id_length check (length(external_id) between 1 and 200);
alter table products add constraint products_external_id_length check (length(external_id) between 1 and 200);
alter table orders add constraint orders_external_id_length check (length(external_id) between 1 and 200);
