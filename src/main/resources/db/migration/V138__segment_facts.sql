-- Set-based surfaces two modules publish for segments (decision 47), read like order_facts
-- (decision 44): security_invoker, so the caller's row-level security (workspace and trash) applies.

-- Owned by sales: which product each counting order bought (one row per order line with a product).
create view order_line_facts with (security_invoker = true) as
select f.workspace_id,
       f.order_id,
       f.person_id,
       f.organization_id,
       f.ordered_on,
       l.product_id,
       l.quantity,
       l.net
from order_facts f
         join order_lines l on l.order_id = f.order_id
where l.product_id is not null;

create index order_lines_by_product on order_lines (workspace_id, product_id) include (order_id) where product_id is not null;

-- Owned by timeline: each contact with a customer — a call, meeting, email, SMS, chat or visit; not
-- notes, which are remarks and the system's own entries (an order placed) —, its channel (the
-- activity's type) and when it happened, for "last contact" and "contacted by".
create view activity_facts with (security_invoker = true) as
select a.workspace_id,
       a.id as activity_id,
       a.person_id,
       a.organization_id,
       a.type as channel,
       a.occurred_at
from activities a
where a.type <> 'note' and (a.person_id is not null or a.organization_id is not null);
