-- Event deliveries the retry job gave up on (decision 25): after sen.events.max-attempts failed
-- attempts the row stays FAILED in Spring Modulith's registry, and this marks when it was given up
-- and reported in the log (once, whichever node did it). Modulith names its columns in every
-- statement, so an extra column is invisible to it.
alter table event_publication add column given_up_at timestamptz;
