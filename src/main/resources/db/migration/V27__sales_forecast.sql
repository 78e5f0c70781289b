-- Sales quotas and the indexes of the forecast and KPIs (docs/decisions/0012).

-- A user's quota for one month in one currency; a quarter's quota is the sum of its months.
create table sales_quotas (
    workspace_id uuid           not null references workspaces (id),
    user_id      uuid           not null references users (id),
    month        date           not null check (extract(day from month) = 1),
    amount       numeric(19, 4) not null check (amount > 0),
    currency     char(3)        not null,
    primary key (workspace_id, user_id, month)
);

alter table sales_quotas enable row level security;
alter table sales_quotas force row level security;
create policy workspace_isolation on sales_quotas using (workspace_id = sen_workspace()) with check (workspace_id = sen_workspace());

-- The forecast of a period reads every deal closing in it: one index-only range scan.
create index opportunities_forecast on opportunities (workspace_id, expected_close_date)
    include (currency, status, stage_id, amount, owner_id, owner_team_id, created_at, closed_at);

-- Quotes and orders were made before opportunities existed in the same branch of work; now they
-- point at them for real. Deleting an opportunity keeps its documents.
alter table quotes add constraint quotes_opportunity foreign key (opportunity_id) references opportunities (id) on delete set null;
alter table orders add constraint orders_opportunity foreign key (opportunity_id) references opportunities (id) on delete set null;
create index orders_by_opportunity on orders (opportunity_id) where opportunity_id is not null;

-- Revenue per salesperson: orders placed in a period, index-only.
create index orders_by_placed on orders (workspace_id, placed_at) include (status, currency, total, owner_id, owner_team_id)
    where placed_at is not null;
