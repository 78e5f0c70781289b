package org.sencrm.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An opportunity made by another part of the system (a converted lead). Only the name and one
 * customer are needed: {@code pipelineId} null picks the default B2B pipeline for an organization
 * and the B2C one for a person (else the first active one), {@code stageId} null its first open
 * stage, {@code currency} null the workspace's, {@code expectedCloseDate} null thirty days from
 * today, {@code ownerId} null the current user. {@code contactPersonIds} join its buying center.
 */
public record NewOpportunity(String name, UUID personId, UUID organizationId, UUID pipelineId, UUID stageId, BigDecimal amount,
		String currency, LocalDate expectedCloseDate, UUID ownerId, UUID ownerTeamId, List<UUID> contactPersonIds) {
}
