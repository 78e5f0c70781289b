package org.sencrm.identity;

import java.util.UUID;

/** A workspace was created with its first administrator; {@code demo} asks for demo data in it. */
public record WorkspaceCreated(UUID workspaceId, UUID adminId, boolean demo) {
}
