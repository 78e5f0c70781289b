-- The names of the files an email carried, kept with the email as it was sent; the files
-- themselves are the attachments of the email's activity.
alter table outgoing_emails add column attachment_names text[] not null default '{}';
