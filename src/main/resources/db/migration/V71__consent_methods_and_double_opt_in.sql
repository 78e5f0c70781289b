-- Consent: how it was given is one of a fixed list (the free text people typed before is kept as
-- a note), and web forms may ask for a confirmation by email before email consent counts (double
-- opt-in). Decision 26.

alter table web_forms add column double_opt_in boolean not null default false;

-- One confirmation link sent to a lead's address. Only the SHA-256 of the token is kept; the link
-- works once, until it expires.
create table consent_confirmations (
    id           uuid primary key,
    workspace_id uuid        not null references workspaces (id),
    lead_id      uuid        not null references leads (id) on delete cascade,
    channel      text        not null default 'email' check (channel in ('email')),
    address      text        not null,
    token_hash   text        not null unique,
    expires_at   timestamptz not null,
    confirmed_at timestamptz,
    created_at   timestamptz not null default now()
);
create index consent_confirmations_by_lead on consent_confirmations (workspace_id, lead_id);

alter table consent_confirmations enable row level security;
alter table consent_confirmations force row level security;
create policy workspace_isolation on consent_confirmations
    using (workspace_id = sen_workspace()) with check (workspace_id = sen_workspace());

-- The free-text methods of the consents recorded so far, read into the list (kept as functions, so
-- the reading is tested and can be run again on data restored from an older backup).
create function sen_consent_method(text) returns text
    language sql immutable
as $$
    select case
        when $1 is null or btrim($1) = '' then null
        when lower(btrim($1)) in ('web_form', 'double_opt_in', 'in_person', 'phone', 'email', 'paper', 'import', 'api', 'other')
            then lower(btrim($1))
        when $1 ~* 'double|opt-in|xác nhận' then 'double_opt_in'
        when $1 ~* 'web|form|biểu mẫu|trang' then 'web_form'
        when $1 ~* 'import|nhập|csv|excel' then 'import'
        when $1 ~* '\mapi\M' then 'api'
        when $1 ~* 'phone|call|điện thoại|gọi' then 'phone'
        when $1 ~* 'e-?mail|thư' then 'email'
        when $1 ~* 'paper|giấy|ký|signed' then 'paper'
        when $1 ~* 'person|trực tiếp|gặp|hội chợ|hội thảo|sự kiện|event|fair|meeting|cửa hàng|store|shop' then 'in_person'
        else 'other' end
$$;

create function sen_consents_listed(consents jsonb) returns jsonb
    language sql immutable
as $$
    select coalesce(jsonb_object_agg(channel, case
            when c ->> 'method' is null or sen_consent_method(c ->> 'method') = c ->> 'method' then c
            else c || jsonb_build_object('method', sen_consent_method(c ->> 'method'), 'note', c ->> 'method') end),
        '{}'::jsonb)
    from jsonb_each(consents) as e(channel, c)
$$;

-- The migration runs without a workspace, so the policies would hide every row: FORCE is lifted
-- for this transaction only (as in V20).
alter table persons no force row level security;
alter table leads no force row level security;
update persons set consents = sen_consents_listed(consents)
where consents <> '{}' and consents <> sen_consents_listed(consents);
update leads set consents = sen_consents_listed(consents)
where consents <> '{}' and consents <> sen_consents_listed(consents);
alter table persons force row level security;
alter table leads force row level security;
