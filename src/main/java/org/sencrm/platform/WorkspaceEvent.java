package org.sencrm.platform;

import java.util.UUID;

/**
 * An event that happened inside one workspace. Its listeners run bound to that workspace, as the
 * system, without binding it themselves: {@code platform.events.ListenerBinding} does it for every
 * listener method whose event is a {@code WorkspaceEvent} (after-commit listeners on their own
 * thread; a listener in the publishing transaction must already be in the event's workspace).
 */
public interface WorkspaceEvent {

	UUID workspaceId();
}
