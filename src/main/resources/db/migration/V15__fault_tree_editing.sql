-- Fault trees edited in place: an optimistic version per tree, and the basic events promoted to contributing factors.
alter table fault_trees add column version int default 0 not null;

create table fault_tree_factors (
    tree_id    bigint       not null references fault_trees (id) on delete cascade,
    event_name varchar(200) not null,
    factor_id  bigint       not null references contributing_factors (id) on delete cascade,
    primary key (tree_id, event_name)
);

create index fault_tree_factors_factor_idx on fault_tree_factors (factor_id);
