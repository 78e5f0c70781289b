package org.sencrm.sales.opportunity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What a caller sends to create or change an opportunity. {@code currency} defaults to the
 * workspace's; {@code stageId} defaults to the pipeline's first stage, and a move into a lost stage
 * needs {@code lostReason}. {@code forecastCategory} is one of {@link Opportunity#FORECAST_CATEGORIES}
 * or null (the stage's probability decides).
 */
public record OpportunityDraft(String name, UUID pipelineId, UUID stageId, BigDecimal amount, String currency, UUID personId,
		UUID organizationId, LocalDate expectedCloseDate, UUID ownerId, UUID ownerTeamId, List<String> competitors,
		String nextStep, String lostReason, String forecastCategory, List<OpportunityContact> contacts) {
}
