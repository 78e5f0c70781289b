package org.sencrm.directory;

import java.util.UUID;

import org.sencrm.platform.WorkspaceEvent;

/**
 * An export that ran in the background is ready to download (decision 34): the user who asked is
 * told (timeline's notifications), with a link to {@code /exports/{exportId}}. {@code language} is the
 * user's, for the words of the notification.
 */
public record ExportReady(UUID workspaceId, UUID exportId, UUID userId, String kind, String format, long rows,
		String language) implements WorkspaceEvent {
}
