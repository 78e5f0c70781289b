-- A forecast category per opportunity and exchange rates into the workspace's currency (decision 16).

-- Null: the stage's probability decides, as before (commit from 70 %). Only open deals use it.
alter table opportunities add column forecast_category text
    check (forecast_category in ('pipeline', 'best_case', 'commit', 'omitted'));

-- The forecast stays an index-only range scan over the period's close dates: the index carries the
-- category too. Its predicates are the workspace, the close-date range and the owner/team
-- equalities of the user's sight, all leakproof under row-level security.
drop index opportunities_forecast;
create index opportunities_forecast on opportunities (workspace_id, expected_close_date)
    include (currency, status, stage_id, amount, forecast_category, owner_id, owner_team_id, created_at, closed_at);

-- How many units of the base currency one unit of `currency` was worth from `valid_from` on. The
-- base is the workspace's currency when the rate was entered; rates of another base are not used
-- after the workspace changes its currency (they would be silently wrong).
create table exchange_rates (
    id            uuid primary key,
    workspace_id  uuid            not null references workspaces (id),
    currency      char(3)         not null,
    base_currency char(3)         not null check (base_currency <> currency),
    rate_to_base  numeric(28, 10) not null check (rate_to_base > 0),
    valid_from    date            not null,
    created_at    timestamptz     not null default now(),
    updated_at    timestamptz     not null default now(),
    -- also the lookup "newest rate of each currency from on or before a day": equality, then a range
    unique (workspace_id, base_currency, currency, valid_from)
);

alter table exchange_rates enable row level security;
alter table exchange_rates force row level security;
create policy workspace_isolation on exchange_rates using (workspace_id = sen_workspace()) with check (workspace_id = sen_workspace());
