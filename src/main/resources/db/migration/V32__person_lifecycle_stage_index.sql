-- The person list filter ?lifecycleStage= needs the same help as the organizations' (V28): a rare stage
-- (at_risk, churned) otherwise walks the name index of the whole workspace or reads the table. Most
-- persons in a shop's directory have a stage, so this index is nearly as large as the table's rows are
-- many; it is a narrow b-tree of two columns, cheap next to the trigram and search-term indexes.
create index persons_by_lifecycle_stage on persons (workspace_id, lifecycle_stage) where lifecycle_stage is not null;
