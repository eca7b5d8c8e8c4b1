-- When a postmortem was published: read by the review workflow, the Atom feed and the analytics
-- (time from resolution to published postmortem). Null while the document is not published.
alter table postmortems add column published_at timestamp with time zone;
