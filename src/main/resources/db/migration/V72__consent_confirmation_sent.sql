-- A confirmation link is committed before its email goes out (so it works the moment it arrives)
-- and marked sent when the email went: a delivery run again sends no second link while a sent one
-- still works, and one whose email failed is sent anew (decision 26). Links made before were sent.
alter table consent_confirmations add column sent_at timestamptz;
update consent_confirmations set sent_at = created_at;
