/**
 * Directory: identify every customer once. Persons, organizations, the contact roles between
 * them (with buying-center roles), tags, custom fields, saved views and the search that finds a
 * customer however the name, email or phone was typed; and the pages for all of them, with the
 * home page. Persons are importable ({@code exchange/PersonImportKind}). Exposes {@link org.sencrm.directory.Customers} for other modules.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "identity", "trash", "exchange"})
package org.sencrm.directory;
