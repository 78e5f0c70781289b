package org.sencrm.sales;

import java.time.Instant;
import java.util.UUID;

import org.sencrm.platform.WorkspaceEvent;

/**
 * An opportunity entered another stage (also on being won, lost or reopened). {@code status} is the
 * opportunity's status after the move: open, won or lost.
 */
public record OpportunityStageChanged(UUID workspaceId, UUID opportunityId, UUID pipelineId, UUID fromStageId,
		UUID toStageId, String status, UUID changedBy, Instant changedAt) implements WorkspaceEvent {
}
