-- What Hindsight found in evidence when it was attached: events (alerts, deploys, changes, chat messages, metric
-- change points, new log templates, log bursts) and, for the non-log kinds, how the content parsed.
-- Written in the same transaction as the evidence row, so nothing is visible before ingest has finished.
create table evidence_events (
    evidence_id bigint        not null references evidence (id) on delete cascade,
    seq         int           not null,
    incident_id bigint        not null references incidents (id) on delete cascade,
    at          timestamp with time zone not null,
    kind        varchar(30)   not null,
    title       varchar(300)  not null,
    detail      varchar(4000),
    first_line  bigint        not null,
    last_line   bigint        not null,
    attributes  varchar(8000) not null,
    primary key (evidence_id, seq)
);

create index evidence_events_incident_at_idx on evidence_events (incident_id, at);

create table evidence_parses (
    evidence_id       bigint       primary key references evidence (id) on delete cascade,
    detected_format   varchar(40)  not null,
    items             bigint       not null,
    events            int          not null,
    unparsed          bigint       not null,
    unparsed_examples varchar(10000)
);
