/**
 * Identity: workspaces as tenants, users and their roles, teams, passwords, two-factor sign-in,
 * API tokens and sign-in. Other modules use {@link org.sencrm.identity.CurrentUser},
 * {@link org.sencrm.identity.Access} (the access rules by function and authority) and
 * {@link org.sencrm.identity.UserDirectory} (names of users and teams for display and validation).
 * It declares {@link org.sencrm.identity.AccountMail}, the mail about a user's account (a password
 * reset link), which timeline sends. Its pages: sign-in (with the two-factor code step and the
 * forgotten-password pages), each user's password and sign-in security, the language switch, the
 * administration of users, teams, workspace settings and workspaces, and each user's API tokens;
 * it hands every page the signed-in user and the workspace settings.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "platform")
package org.sencrm.identity;
