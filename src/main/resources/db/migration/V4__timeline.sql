-- Activities and tasks on the customer timeline, notifications, email templates and mailboxes,
-- outgoing mail and the calendar feed. The record an entry belongs to is generic
-- (record_type, record_id) besides the person and organization, so deals and cases can join later.
create table activities (
    id               uuid primary key,
    workspace_id     uuid        not null references workspaces (id),
    type             text        not null check (type in ('note', 'call', 'meeting', 'email', 'sms', 'chat', 'visit')),
    person_id        uuid references persons (id) on delete cascade,
    organization_id  uuid references organizations (id) on delete cascade,
    record_type      text,
    record_id        uuid,
    subject          text,
    body             text,
    occurred_at      timestamptz not null,
    author_id        uuid references users (id),
    direction        text check (direction in ('inbound', 'outbound')),
    duration_seconds int,
    outcome          text,
    ends_at          timestamptz,
    place            text,
    source           text        not null default 'manual',
    source_ref       text,
    message_id       text,
    in_reply_to      text,
    thread_id        text,
    email_from       text,
    email_to         text[],
    created_at       timestamptz not null default now(),
    version          int         not null default 0,
    check (person_id is not null or organization_id is not null or record_id is not null)
);
create index activities_person_timeline on activities (workspace_id, person_id, occurred_at desc, id desc);
create index activities_organization_timeline on activities (workspace_id, organization_id, occurred_at desc, id desc);
create index activities_record_timeline on activities (workspace_id, record_type, record_id, occurred_at desc);
create unique index activities_source_ref on activities (workspace_id, source, source_ref) where source_ref is not null;
create unique index activities_message_id on activities (workspace_id, message_id, person_id) where message_id is not null;
create index activities_meetings on activities (workspace_id, occurred_at) where type = 'meeting';

create table activity_attendees (
    activity_id  uuid not null references activities (id) on delete cascade,
    workspace_id uuid not null references workspaces (id),
    user_id      uuid references users (id) on delete cascade,
    person_id    uuid references persons (id) on delete cascade,
    check ((user_id is null) <> (person_id is null))
);
create index activity_attendees_by_activity on activity_attendees (activity_id);
create index activity_attendees_by_user on activity_attendees (user_id);

create table attachments (
    id           uuid primary key,
    workspace_id uuid        not null references workspaces (id),
    activity_id  uuid        not null references activities (id) on delete cascade,
    file_name    text        not null,
    content_type text        not null,
    size_bytes   bigint      not null,
    content      bytea,
    stored_path  text,
    created_at   timestamptz not null default now()
);
create index attachments_by_activity on attachments (activity_id);

create table tasks (
    id               uuid primary key,
    workspace_id     uuid        not null references workspaces (id),
    title            text        not null,
    notes            text,
    due_at           timestamptz,
    assignee_id      uuid        not null references users (id),
    person_id        uuid references persons (id) on delete cascade,
    organization_id  uuid references organizations (id) on delete cascade,
    record_type      text,
    record_id        uuid,
    priority         text        not null default 'normal' check (priority in ('low', 'normal', 'high')),
    status           text        not null default 'open' check (status in ('open', 'done', 'cancelled')),
    repeat_every_days int check (repeat_every_days between 1 and 3650),
    reminded_at      timestamptz,
    completed_at     timestamptz,
    created_by       uuid references users (id),
    created_at       timestamptz not null default now(),
    version          int         not null default 0
);
create index tasks_open_by_assignee on tasks (workspace_id, assignee_id, due_at) where status = 'open';
create index tasks_by_person on tasks (workspace_id, person_id) where status = 'open';
create index tasks_by_organization on tasks (workspace_id, organization_id) where status = 'open';

create table notifications (
    id           uuid primary key,
    workspace_id uuid        not null references workspaces (id),
    user_id      uuid        not null references users (id) on delete cascade,
    kind         text        not null,
    text         text        not null,
    link         text,
    created_at   timestamptz not null default now(),
    read_at      timestamptz
);
create index notifications_unread on notifications (workspace_id, user_id, created_at desc) where read_at is null;

create table email_templates (
    id           uuid primary key,
    workspace_id uuid not null references workspaces (id),
    owner_id     uuid not null references users (id) on delete cascade,
    name         text not null,
    subject      text not null,
    body         text not null,
    version      int  not null default 0
);
create index email_templates_by_owner on email_templates (workspace_id, owner_id, name);

-- One mailbox configuration per workspace: SMTP out, IMAP in (both optional).
create table mail_settings (
    workspace_id   uuid primary key references workspaces (id),
    smtp_host      text,
    smtp_port      int,
    smtp_username  text,
    smtp_password  text,
    smtp_tls       boolean not null default true,
    from_address   text,
    imap_host      text,
    imap_port      int,
    imap_username  text,
    imap_password  text,
    imap_tls       boolean not null default true,
    imap_folder    text    not null default 'INBOX',
    imap_enabled   boolean not null default false,
    imap_uid_validity bigint,
    imap_last_uid  bigint,
    imap_checked_at timestamptz,
    imap_error     text,
    version        int     not null default 0
);

create table outgoing_emails (
    id           uuid primary key,
    workspace_id uuid        not null references workspaces (id),
    activity_id  uuid references activities (id) on delete set null,
    message_id   text        not null,
    from_address text        not null,
    to_addresses text[]      not null,
    subject      text        not null,
    body_html    text        not null,
    status       text        not null check (status in ('outbox', 'sent', 'failed')),
    error        text,
    created_at   timestamptz not null default now(),
    sent_at      timestamptz
);
create index outgoing_emails_recent on outgoing_emails (workspace_id, created_at desc);

-- Messages from addresses that match no person, waiting for a user to create or link one.
create table unmatched_emails (
    id            uuid primary key,
    workspace_id  uuid        not null references workspaces (id),
    message_id    text        not null,
    from_address  text        not null,
    from_name     text,
    to_addresses  text[]      not null default '{}',
    subject       text,
    body          text,
    received_at   timestamptz not null,
    in_reply_to   text,
    resolved_at   timestamptz,
    unique (workspace_id, message_id)
);

create table calendar_feeds (
    user_id      uuid primary key references users (id) on delete cascade,
    workspace_id uuid        not null references workspaces (id),
    secret       text        not null,
    created_at   timestamptz not null default now()
);

do $$
declare t text;
begin
    foreach t in array array['activities', 'activity_attendees', 'attachments', 'tasks', 'notifications', 'email_templates',
                             'mail_settings', 'outgoing_emails', 'unmatched_emails', 'calendar_feeds'] loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format('create policy workspace_isolation on %I using (workspace_id = sen_workspace()) with check (workspace_id = sen_workspace())', t);
    end loop;
end $$;
