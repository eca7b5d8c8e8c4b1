-- One row per scheduled job: the node holding it runs the job; the others skip that round (ShedLock).
create table shedlock (
    name       varchar(64)  primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);
