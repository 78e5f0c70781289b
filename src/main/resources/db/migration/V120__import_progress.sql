-- An import's progress as a share of its file (issue 10 §2, decision 36): the bytes read so far over the
-- file's size, written with the rows read, so the page and the API can say how long is left. Null where
-- the format does not tell (an Excel sheet is read from inside its zip).
alter table import_jobs add column share_read real check (share_read between 0 and 1);
