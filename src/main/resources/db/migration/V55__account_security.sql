-- Account security (issue 9, section 2; decision 23). Like credentials, these rows are read
-- before the workspace is known (sign-in, a reset link), so they are not workspace-scoped.

-- A temporary password (set by an administrator, or the first admin's generated one) must be
-- changed at the next sign-in. Two-factor sign-in: the TOTP secret encrypted with platform.Secrets,
-- switched on once confirmed with a code; the last time step accepted, so a code is never used twice.
alter table credentials
    add column must_change_password boolean     not null default false,
    add column password_changed_at  timestamptz,
    add column totp_secret          text,
    add column totp_enabled_at      timestamptz,
    add column totp_last_step       bigint;

create index credentials_by_user on credentials (user_id);

-- Forgotten password: only the SHA-256 of the 256-bit token is stored; single use, 30 minutes.
create table password_resets (
    token_hash   text primary key,
    user_id      uuid        not null references users (id) on delete cascade,
    created_at   timestamptz not null,
    expires_at   timestamptz not null,
    used_at      timestamptz
);
create index password_resets_by_user on password_resets (user_id);

-- Recovery codes for a lost authenticator: salted SHA-256 of each code, each used once.
create table recovery_codes (
    id        uuid primary key,
    user_id   uuid  not null references users (id) on delete cascade,
    salt      bytea not null,
    code_hash bytea not null,
    used_at   timestamptz
);
create index recovery_codes_by_user on recovery_codes (user_id);

-- An administrator can require two-factor sign-in for everyone in the workspace.
alter table workspaces add column require_two_factor boolean not null default false;

-- Calendar feed secrets are stored as their SHA-256 (hex), like API tokens. The policy is lifted for
-- the table owner while the stored clear secrets are hashed, so the update sees every workspace.
alter table calendar_feeds no force row level security;
update calendar_feeds set secret = encode(sha256(convert_to(secret, 'UTF8')), 'hex');
alter table calendar_feeds rename column secret to secret_hash;
alter table calendar_feeds force row level security;
