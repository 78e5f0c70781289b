package org.sencrm.sales.opportunity;

import java.time.Instant;
import java.util.UUID;

/** An opportunity entered a stage ({@code fromStageId} null: it was created there). */
public record StageChange(UUID id, UUID opportunityId, UUID fromStageId, UUID toStageId, Instant changedAt, UUID changedBy,
		String changedByName) {
}
