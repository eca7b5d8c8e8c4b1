/**
 * Accounts and access: users with roles (viewer, editor, admin), teams, API tokens for scripts, form login, optional
 * single sign-on through OpenID Connect, and the resolution of the acting user ({@link dev.hindsight.shared.Actor})
 * for every request. Other modules use {@link dev.hindsight.accounts.Accounts} and never the tables.
 */
package dev.hindsight.accounts;
