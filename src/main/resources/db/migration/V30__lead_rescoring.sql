-- The nightly rescoring walks a workspace's open leads that were ever touched (the only scores that
-- move with the clock) in id order, 500 at a time: this index gives each batch as a range scan.
create index leads_touched_open on leads (workspace_id, id)
    where last_activity_at is not null and status not in ('converted', 'disqualified');
