package org.sencrm.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What other modules may know of an opportunity: its customer (a person or an organization),
 * amount and currency, where it stands (pipeline, stage, the stage's probability, status open / won
 * / lost) and who owns it. {@code closeDate} is the expected close date, or the day it closed.
 */
public record OpportunitySummary(UUID id, String name, UUID personId, UUID organizationId, BigDecimal amount, String currency,
		UUID pipelineId, UUID stageId, String stageName, int probability, String status, LocalDate closeDate, UUID ownerId,
		UUID ownerTeamId, int version) {
}
