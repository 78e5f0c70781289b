package org.sencrm.directory;

import java.util.List;
import java.util.UUID;

import org.sencrm.platform.WorkspaceEvent;

/**
 * The demo customers of a new demo workspace exist: other modules add their demo data about them
 * (published while acting as the workspace's administrator, so listeners may use their services).
 */
public record DemoCustomersCreated(UUID workspaceId, List<UUID> organizationIds, List<UUID> personIds, List<UUID> sellerIds) implements WorkspaceEvent {
}
