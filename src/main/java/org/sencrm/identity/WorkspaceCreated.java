package org.sencrm.identity;

import java.util.UUID;

import org.sencrm.platform.WorkspaceEvent;

/** A workspace was created with its first administrator; {@code demo} asks for demo data in it. */
public record WorkspaceCreated(UUID workspaceId, UUID adminId, boolean demo) implements WorkspaceEvent {
}
