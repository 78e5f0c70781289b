-- Quote and order lists narrowed to a customer (decision 14) page newest first by (created_at, id).
-- The customer indexes of V25 serve the equality only: for a customer with many old documents the
-- planner walked quotes_recent / orders_recent instead and filtered out every newer row (0.3 s at
-- 300,000 orders). These serve the equality, the order and the keyset cursor in one range scan.
create index quotes_by_person_recent on quotes (workspace_id, person_id, created_at desc, id desc) where person_id is not null;
create index quotes_by_organization_recent on quotes (workspace_id, organization_id, created_at desc, id desc)
    where organization_id is not null;
create index orders_by_person_recent on orders (workspace_id, person_id, created_at desc, id desc) where person_id is not null;
create index orders_by_organization_recent on orders (workspace_id, organization_id, created_at desc, id desc)
    where organization_id is not null;

-- The new quote indexes begin with the same columns; orders_by_person/organization stay for counting
-- placed orders (lifecycle stages, KPIs).
drop index quotes_by_person;
drop index quotes_by_organization;
