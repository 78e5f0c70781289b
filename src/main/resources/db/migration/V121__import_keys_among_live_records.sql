-- Issue 10 §2, decision 37: an external id (and an order's number) is unique among the records in
-- use, not among those in the trash. An import that was undone sent its records to the trash with
-- their keys; importing the same file again must create them anew instead of failing on a key the
-- user cannot see. A trashed record whose key was taken since is refused on restore with
-- trash.restore-conflict (as a product's SKU already was, V50).
drop index persons_external_id;
drop index organizations_external_id;
drop index leads_external_id;
drop index products_external_id;
drop index orders_external_id;
create unique index persons_external_id on persons (workspace_id, external_id) where external_id is not null and deleted_at is null;
create unique index organizations_external_id on organizations (workspace_id, external_id)
    where external_id is not null and deleted_at is null;
create unique index leads_external_id on leads (workspace_id, external_id) where external_id is not null and deleted_at is null;
create unique index products_external_id on products (workspace_id, external_id) where external_id is not null and deleted_at is null;
create unique index orders_external_id on orders (workspace_id, external_id) where external_id is not null and deleted_at is null;

alter table orders drop constraint orders_workspace_id_number_key;
create unique index orders_number on orders (workspace_id, number) where deleted_at is null;

-- Values an import gives a field where a row leaves it empty (the lead import's campaign), by field key.
alter table import_jobs add column defaults jsonb not null default '{}';
