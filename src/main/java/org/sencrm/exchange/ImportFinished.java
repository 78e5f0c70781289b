package org.sencrm.exchange;

import java.util.UUID;

import org.sencrm.platform.WorkspaceEvent;

/**
 * An import ended (done, failed or cancelled); {@code message} says so in the importing user's
 * language, {@code link} is its page.
 */
public record ImportFinished(UUID workspaceId, UUID importId, UUID userId, String status, String message, String link)
		implements WorkspaceEvent {
}
