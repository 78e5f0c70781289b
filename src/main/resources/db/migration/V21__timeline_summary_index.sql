-- The summary strip of the customer 360 page counts a person's touchpoints per channel in the last
-- 90 days. With the channel in the timeline index PostgreSQL answers it from the index alone
-- (index-only scan) instead of visiting one heap page per activity.
drop index activities_person_timeline;
create index activities_person_timeline on activities (workspace_id, person_id, occurred_at desc, id desc) include (type);
