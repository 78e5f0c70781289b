-- Sales: the product catalogue and price lists, quotes, orders with their payments, contracts
-- with renewals. Amounts are numeric (never floating point); line amounts are rounded to the
-- currency's minor units when they are computed (decision 9). A quote names its opportunity by
-- id only: the opportunities table comes from another migration, which adds the foreign key.
-- Documents keep the customer's name as it was, so they still read right if the customer is
-- renamed or removed (the customer ids are then set null).

create table sales_settings (
    workspace_id          uuid primary key references workspaces (id),
    renewal_reminder_days int  not null default 30 check (renewal_reminder_days between 1 and 365),
    version               int  not null default 0
);

-- Document numbers (Q-2026-0001): one counter row per workspace, kind and year, incremented in
-- the transaction that makes the document, so a rolled-back document gives its number back.
create table sales_counters (
    workspace_id uuid not null references workspaces (id),
    kind         text not null,
    year         int  not null,
    last_value   int  not null,
    primary key (workspace_id, kind, year)
);

create table products (
    id          uuid primary key,
    workspace_id uuid       not null references workspaces (id),
    sku         text        not null,
    name        text        not null,
    description text,
    unit        text,
    tax_rate    text        not null default '10',
    unit_price  numeric(19, 4) not null check (unit_price >= 0),
    currency    text        not null,
    active      boolean     not null default true,
    search_name text        not null,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    version     int         not null default 0
);
create unique index products_sku on products (workspace_id, lower(sku));
create index products_list on products (workspace_id, search_name, id);

create table price_lists (
    id               uuid primary key,
    workspace_id     uuid        not null references workspaces (id),
    name             text        not null,
    currency         text        not null,
    active           boolean     not null default true,
    is_default       boolean     not null default false,
    valid_from       date,
    valid_to         date,
    discount_percent numeric(5, 2) check (discount_percent between 0 and 100),
    created_at       timestamptz not null default now(),
    version          int         not null default 0,
    check (valid_to is null or valid_from is null or valid_to >= valid_from)
);
create unique index price_lists_default on price_lists (workspace_id, currency) where is_default;
create index price_lists_list on price_lists (workspace_id, name, id);

create table price_list_prices (
    price_list_id uuid           not null references price_lists (id) on delete cascade,
    product_id    uuid           not null references products (id) on delete cascade,
    workspace_id  uuid           not null references workspaces (id),
    unit_price    numeric(19, 4) not null check (unit_price >= 0),
    primary key (price_list_id, product_id)
);
create index price_list_prices_by_product on price_list_prices (product_id);

create table quotes (
    id              uuid primary key,
    workspace_id    uuid           not null references workspaces (id),
    number          text           not null,
    opportunity_id  uuid,
    person_id       uuid references persons (id) on delete set null,
    organization_id uuid references organizations (id) on delete set null,
    customer_name   text,
    price_list_id   uuid references price_lists (id) on delete set null,
    currency        text           not null,
    status          text           not null default 'draft' check (status in ('draft', 'sent', 'accepted', 'rejected', 'expired')),
    issued_on       date           not null,
    valid_until     date,
    notes           text,
    subtotal        numeric(19, 4) not null,
    discount_total  numeric(19, 4) not null,
    tax_total       numeric(19, 4) not null,
    total           numeric(19, 4) not null,
    owner_id        uuid           not null references users (id),
    owner_team_id   uuid references teams (id),
    created_at      timestamptz    not null default now(),
    updated_at      timestamptz    not null default now(),
    version         int            not null default 0,
    unique (workspace_id, number)
);
create index quotes_recent on quotes (workspace_id, created_at desc, id desc);
create index quotes_by_opportunity on quotes (workspace_id, opportunity_id) where opportunity_id is not null;
create index quotes_by_person on quotes (workspace_id, person_id) where person_id is not null;
create index quotes_by_organization on quotes (workspace_id, organization_id) where organization_id is not null;

create table orders (
    id              uuid primary key,
    workspace_id    uuid           not null references workspaces (id),
    number          text           not null,
    quote_id        uuid references quotes (id) on delete set null,
    opportunity_id  uuid,
    person_id       uuid references persons (id) on delete set null,
    organization_id uuid references organizations (id) on delete set null,
    customer_name   text,
    currency        text           not null,
    status          text           not null default 'draft' check (status in ('draft', 'confirmed', 'delivered', 'paid', 'cancelled')),
    ordered_on      date           not null,
    notes           text,
    subtotal        numeric(19, 4) not null,
    discount_total  numeric(19, 4) not null,
    tax_total       numeric(19, 4) not null,
    total           numeric(19, 4) not null,
    paid_amount     numeric(19, 4) not null default 0,
    placed_at       timestamptz,
    delivered_at    timestamptz,
    paid_at         timestamptz,
    cancelled_at    timestamptz,
    owner_id        uuid           not null references users (id),
    owner_team_id   uuid references teams (id),
    created_at      timestamptz    not null default now(),
    updated_at      timestamptz    not null default now(),
    version         int            not null default 0,
    unique (workspace_id, number)
);
create index orders_recent on orders (workspace_id, created_at desc, id desc);
create index orders_by_person on orders (workspace_id, person_id, placed_at) where person_id is not null;
create index orders_by_organization on orders (workspace_id, organization_id, placed_at) where organization_id is not null;
-- One live order per quote: a cancelled order frees the quote for another.
create unique index orders_one_per_quote on orders (quote_id) where quote_id is not null and status <> 'cancelled';

-- The lines of quotes and orders have the same shape: what was sold, how many, at what price,
-- and the amounts computed from them (rounded per line, decision 9).
create table quote_lines (
    id               uuid primary key,
    workspace_id     uuid           not null references workspaces (id),
    quote_id         uuid           not null references quotes (id) on delete cascade,
    position         int            not null,
    product_id       uuid references products (id) on delete set null,
    sku              text,
    description      text           not null,
    unit             text,
    quantity         numeric(19, 4) not null,
    unit_price       numeric(19, 4) not null,
    discount_percent numeric(5, 2)  not null default 0,
    tax_rate         text           not null,
    gross            numeric(19, 4) not null,
    discount         numeric(19, 4) not null,
    net              numeric(19, 4) not null,
    tax              numeric(19, 4) not null,
    total            numeric(19, 4) not null
);
create index quote_lines_by_quote on quote_lines (quote_id, position);

create table order_lines (
    id               uuid primary key,
    workspace_id     uuid           not null references workspaces (id),
    order_id         uuid           not null references orders (id) on delete cascade,
    position         int            not null,
    product_id       uuid references products (id) on delete set null,
    sku              text,
    description      text           not null,
    unit             text,
    quantity         numeric(19, 4) not null,
    unit_price       numeric(19, 4) not null,
    discount_percent numeric(5, 2)  not null default 0,
    tax_rate         text           not null,
    gross            numeric(19, 4) not null,
    discount         numeric(19, 4) not null,
    net              numeric(19, 4) not null,
    tax              numeric(19, 4) not null,
    total            numeric(19, 4) not null
);
create index order_lines_by_order on order_lines (order_id, position);

create table payments (
    id           uuid primary key,
    workspace_id uuid           not null references workspaces (id),
    order_id     uuid           not null references orders (id) on delete cascade,
    amount       numeric(19, 4) not null check (amount > 0),
    paid_on      date           not null,
    method       text           not null check (method in ('cash', 'bank_transfer', 'card', 'e_wallet', 'other')),
    reference    text,
    created_by   uuid references users (id),
    created_at   timestamptz    not null default now()
);
create index payments_by_order on payments (order_id, paid_on);

create table contracts (
    id                  uuid primary key,
    workspace_id        uuid           not null references workspaces (id),
    number              text           not null,
    title               text           not null,
    person_id           uuid references persons (id) on delete set null,
    organization_id     uuid references organizations (id) on delete set null,
    customer_name       text,
    order_id            uuid references orders (id) on delete set null,
    start_date          date           not null,
    end_date            date,
    renewal_date        date,
    value               numeric(19, 4) not null check (value >= 0),
    currency            text           not null,
    status              text           not null default 'active' check (status in ('active', 'renewed', 'expired', 'cancelled')),
    renewed_from_id     uuid unique references contracts (id) on delete set null,
    renewal_reminded_at timestamptz,
    renewal_task_id     uuid,
    notes               text,
    owner_id            uuid           not null references users (id),
    owner_team_id       uuid references teams (id),
    created_at          timestamptz    not null default now(),
    updated_at          timestamptz    not null default now(),
    version             int            not null default 0,
    unique (workspace_id, number),
    check (end_date is null or end_date >= start_date)
);
create index contracts_recent on contracts (workspace_id, created_at desc, id desc);
create index contracts_due_for_reminder on contracts (workspace_id, renewal_date) where status = 'active' and renewal_reminded_at is null;
create index contracts_by_end on contracts (workspace_id, end_date);

do $$
declare t text;
begin
    foreach t in array array['sales_settings', 'sales_counters', 'products', 'price_lists', 'price_list_prices', 'quotes',
                             'quote_lines', 'orders', 'order_lines', 'payments', 'contracts'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy workspace_isolation on %I using (workspace_id = sen_workspace()) with check (workspace_id = sen_workspace())', t);
    end loop;
end $$;
