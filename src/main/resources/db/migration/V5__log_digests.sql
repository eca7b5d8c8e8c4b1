-- What Hindsight derived from a log when it was attached: parse counts and the mined templates.
-- Written in the same transaction as the evidence row, so a log is never visible without them.
create table log_digests (
    evidence_id        bigint       primary key references evidence (id) on delete cascade,
    detected_format    varchar(40)  not null,
    lines              bigint       not null,
    parsed             bigint       not null,
    unparsed           bigint       not null,
    continuation_lines bigint       not null,
    template_count     int          not null,
    unparsed_examples  varchar(10000)
);

create table log_templates (
    evidence_id bigint        not null references evidence (id) on delete cascade,
    template_id int           not null,
    template    varchar(4000) not null,
    line_count  bigint        not null,
    first_seen  timestamp with time zone,
    last_seen   timestamp with time zone,
    examples    varchar(6000),
    primary key (evidence_id, template_id)
);
