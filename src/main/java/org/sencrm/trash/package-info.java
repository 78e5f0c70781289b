/**
 * Trash: deleting never destroys anyone else's work. A deleted customer, lead, opportunity, quote,
 * order, contract, product, activity or task goes to the trash with the records that hang on it (its
 * unit), hidden from every query by the row-level security policies, restorable for the workspace's
 * retention (30 days by default), then purged for good by a nightly job that leaves a tombstone
 * without personal data in the history. Modules declare their kinds of record as
 * {@link org.sencrm.trash.TrashableKind} beans and move a record to the trash with
 * {@link org.sencrm.trash.Trash}; a deletion that would take someone else's work is refused with
 * {@link org.sencrm.trash.TrashBlockedException}. Decision 22.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "identity"})
package org.sencrm.trash;
