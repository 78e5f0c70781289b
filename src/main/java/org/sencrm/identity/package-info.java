/**
 * Identity: workspaces as tenants, users and their roles, teams, API tokens and sign-in.
 * Other modules use {@link org.sencrm.identity.CurrentUser}, {@link org.sencrm.identity.Access}
 * (the access rules by function and authority) and {@link org.sencrm.identity.UserDirectory}
 * (names of users and teams for display and validation).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "platform")
package org.sencrm.identity;
