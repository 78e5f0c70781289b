/**
 * Platform: what every module stands on. The workspace (tenant) of the current work and the
 * database transactions that carry it to PostgreSQL's row-level security, the embedded database,
 * identifiers, text folding for search, phone numbers, the history of records and the one error
 * model (domain exceptions mapped to RFC 9457 problem details for the API, and to localized
 * error pages for the web), the page language and the formats pages show dates, numbers and
 * money in; the delivery of events between modules ({@link org.sencrm.platform.WorkspaceEvent}s bound
 * to their workspace for every listener, failed deliveries retried: {@code events/}). Depends on no
 * other module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.sencrm.platform;
