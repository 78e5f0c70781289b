-- Analytics (issue 11, decision 44): the orders that count for customer value, as the sales module
-- publishes them, and the analytics module's own read models.

-- Sales' public surface for analytics: one row per order that counts (confirmed, delivered or paid;
-- never drafts or cancelled ones), its revenue without VAT in the workspace's currency. An order in
-- another currency is converted at the newest rate valid on its day (decision 16); without such a
-- rate its revenue is null (the order still counts as a purchase). security_invoker: the caller's
-- row-level security applies, so other workspaces' orders and trashed ones stay out.
create view order_facts with (security_invoker = true) as
select o.workspace_id,
       o.id                                              as order_id,
       o.person_id,
       o.organization_id,
       o.ordered_on,
       o.owner_id,
       o.owner_team_id,
       o.currency,
       o.total - o.tax_total                             as revenue_in_currency,
       case
           when o.currency = w.currency then o.total - o.tax_total
           else (o.total - o.tax_total) * (select r.rate_to_base
                                            from exchange_rates r
                                            where r.workspace_id = o.workspace_id
                                              and r.base_currency = w.currency
                                              and r.currency = o.currency
                                              and r.valid_from <= o.ordered_on
                                            order by r.valid_from desc
                                            limit 1)
           end                                           as revenue
from orders o
         join workspaces w on w.id = o.workspace_id
where o.status in ('confirmed', 'delivered', 'paid');

-- Per workspace: how customer value is predicted and grouped. Defaults: 10 % a year, a 52-week
-- horizon, 30 % margin where products have no cost price, weeks; tiers A/B/C by 80/15/5 % of
-- revenue; a customer is at risk below P(alive) 0.5 and churned below 0.2 (without a model: after
-- 2× and 4× their usual time between orders).
create table analytics_settings (
    workspace_id            uuid primary key references workspaces (id),
    discount_rate_per_year  numeric(6, 4) not null default 0.10 check (discount_rate_per_year >= 0 and discount_rate_per_year < 10),
    horizon_weeks           int           not null default 52 check (horizon_weeks between 1 and 520),
    margin_percent          numeric(5, 2) not null default 30 check (margin_percent between 0 and 100),
    time_unit               text          not null default 'week' check (time_unit in ('day', 'week', 'month')),
    tier_a_percent          numeric(5, 2) not null default 80 check (tier_a_percent > 0 and tier_a_percent < 100),
    tier_b_percent          numeric(5, 2) not null default 15 check (tier_b_percent > 0 and tier_b_percent < 100),
    at_risk_probability     double precision not null default 0.5 check (at_risk_probability > 0 and at_risk_probability < 1),
    churned_probability     double precision not null default 0.2 check (churned_probability > 0 and churned_probability < 1),
    at_risk_interval_factor numeric(5, 2) not null default 2 check (at_risk_interval_factor > 1),
    churned_interval_factor numeric(5, 2) not null default 4 check (churned_interval_factor > 1),
    updated_at              timestamptz   not null default now(),
    version                 int           not null default 0,
    check (tier_a_percent + tier_b_percent < 100),
    check (churned_probability < at_risk_probability),
    check (churned_interval_factor > at_risk_interval_factor)
);

-- A fit of the value models on a workspace's orders up to a calibration end, with its check on
-- the holdout period after it. Nightly fits have no requester.
create table value_models (
    id               uuid primary key,
    workspace_id     uuid             not null references workspaces (id),
    status           text             not null check (status in ('fitting', 'ready', 'failed')),
    calibration_end  date             not null,
    holdout_end      date,
    time_unit        text             not null check (time_unit in ('day', 'week', 'month')),
    currency         text             not null,
    customers        int,
    repeat_customers int,
    r                double precision,
    alpha            double precision,
    a                double precision,
    b                double precision,
    log_likelihood   double precision,
    p                double precision,
    q                double precision,
    v                double precision,
    -- {"byRepeatPurchases":[{"repeatPurchases","customers","actual","predicted"}],"cumulative":[{"period","actual","predicted"}]}
    holdout          jsonb,
    error            text,
    requested_by     uuid references users (id),
    created_at       timestamptz      not null,
    finished_at      timestamptz
);
create index value_models_latest on value_models (workspace_id, created_at desc) where status = 'ready';

-- One row per customer with orders (and per customer the model predicts for): the historic value
-- from order_facts, RFM scores and segment, value tier, and the latest model's prediction. Rebuilt
-- set-based; a person's or organization's value is read with its id.
create table customer_values (
    workspace_id                 uuid             not null references workspaces (id),
    customer_type                text             not null check (customer_type in ('person', 'organization')),
    customer_id                  uuid             not null,
    -- historic value, in the workspace's currency
    revenue                      numeric(19, 4)   not null default 0,
    orders                       int              not null default 0,
    average_order_value          numeric(19, 4),
    first_order_on               date,
    last_order_on                date,
    gross_margin                 numeric(19, 4),
    -- organizations: what their contacts bought in their own name, shown apart
    contacts_revenue             numeric(19, 4),
    contacts_orders              int,
    -- RFM scores 1–5, code "545", named segment (docs/analytics.md)
    recency_score                smallint check (recency_score between 1 and 5),
    frequency_score              smallint check (frequency_score between 1 and 5),
    monetary_score               smallint check (monetary_score between 1 and 5),
    rfm_code                     text,
    rfm_segment                  text,
    value_tier                   text check (value_tier in ('A', 'B', 'C')),
    -- the latest ready model's prediction over the workspace's horizon
    model_id                     uuid references value_models (id) on delete set null,
    probability_alive            double precision,
    expected_purchases           double precision,
    expected_average_order_value numeric(19, 4),
    predicted_lifetime_value     numeric(19, 4),
    population_prediction        boolean,
    computed_at                  timestamptz      not null,
    primary key (workspace_id, customer_type, customer_id)
);
create index customer_values_by_tier on customer_values (workspace_id, customer_type, value_tier);
create index customer_values_by_rfm on customer_values (workspace_id, customer_type, rfm_segment);

do $$
    declare
        t text;
    begin
        foreach t in array array ['analytics_settings', 'value_models', 'customer_values']
            loop
                execute format('alter table %I enable row level security', t);
                execute format('alter table %I force row level security', t);
                execute format('create policy workspace_isolation on %I using (workspace_id = sen_workspace()) with check (workspace_id = sen_workspace())', t);
            end loop;
    end
$$;
