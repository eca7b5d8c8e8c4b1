package dev.hindsight.accounts;

import dev.hindsight.testing.UsePostgres;

/** The accounts rules on PostgreSQL, from a first start on an empty database. */
@UsePostgres
class AccountsPostgresTests extends AccountsTests {}
