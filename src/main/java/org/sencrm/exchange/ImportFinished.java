package org.sencrm.exchange;

import java.util.UUID;

import org.sencrm.platform.WorkspaceEvent;

/**
 * An import ended (done, failed or cancelled); {@code message} says so in the importing user's
 * language, {@code link} is its page; {@code type} is what it imported ({@code persons}, …) and
 * {@code created}, {@code updated} how many records it made and changed (0 unless done), so that
 * modules can follow up on what changed (the directory scans for duplicates).
 */
public record ImportFinished(UUID workspaceId, UUID importId, UUID userId, String status, String message, String link, String type,
		int created, int updated) implements WorkspaceEvent {

	/** Did the import leave records created or changed? */
	public boolean changedRecords() {
		return "done".equals(status) && created + updated > 0;
	}
}
