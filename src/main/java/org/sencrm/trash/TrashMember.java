package org.sencrm.trash;

import java.util.UUID;

/**
 * One record of a unit, as the delete rules see it: its type and id, what it is called, its owner
 * (owner, author or assignee), owning team, creator and status where its kind has them.
 */
public record TrashMember(String type, UUID id, String label, UUID ownerId, UUID teamId, UUID creatorId, String status) {
}
