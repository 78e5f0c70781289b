package org.sencrm.sales.opportunity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An opportunity (a deal) as stored: its customer — a person or an organization — and the persons
 * of the buying center, the amount in its currency, where it stands in its pipeline, who owns it.
 * {@code status} follows the stage's kind (open, won, lost); {@code expectedCloseDate} becomes the
 * day it closed once it is won or lost. {@code forecastCategory} overrides what the stage's
 * probability says for the forecast while the deal is open; null: the stage decides (decision 16).
 */
public record Opportunity(UUID id, String name, UUID pipelineId, UUID stageId, String status, UUID personId,
		UUID organizationId, BigDecimal amount, String currency, LocalDate expectedCloseDate, UUID ownerId, UUID ownerTeamId,
		List<String> competitors, String nextStep, String lostReason, String forecastCategory, List<OpportunityContact> contacts,
		Instant stageEnteredAt, Instant closedAt, Instant createdAt, Instant updatedAt, int version) {

	public static final String OPEN = "open";
	public static final String WON = "won";
	public static final String LOST = "lost";
	public static final List<String> STATUSES = List.of(OPEN, WON, LOST);
	/** Forecast categories a salesperson may set on a deal (Salesforce's, without "closed"). */
	public static final List<String> FORECAST_CATEGORIES = List.of("pipeline", "best_case", "commit", "omitted");

	public boolean open() {
		return OPEN.equals(status);
	}

	public OpportunityDraft toDraft() {
		return new OpportunityDraft(name, pipelineId, stageId, amount, currency, personId, organizationId, expectedCloseDate,
				ownerId, ownerTeamId, competitors, nextStep, lostReason, forecastCategory, contacts);
	}

	Opportunity withContacts(List<OpportunityContact> contacts) {
		return new Opportunity(id, name, pipelineId, stageId, status, personId, organizationId, amount, currency,
				expectedCloseDate, ownerId, ownerTeamId, competitors, nextStep, lostReason, forecastCategory, contacts, stageEnteredAt,
				closedAt, createdAt, updatedAt, version);
	}

	/** The fields the record's history compares (the stage history keeps the moves in detail). */
	Map<String, Object> historyValues() {
		var values = new LinkedHashMap<String, Object>();
		values.put("name", name);
		values.put("pipelineId", pipelineId);
		values.put("stageId", stageId);
		values.put("status", status);
		values.put("personId", personId);
		values.put("organizationId", organizationId);
		values.put("amount", amount == null ? null : amount.toPlainString());
		values.put("currency", currency);
		values.put("expectedCloseDate", expectedCloseDate == null ? null : expectedCloseDate.toString());
		values.put("ownerId", ownerId);
		values.put("ownerTeamId", ownerTeamId);
		values.put("competitors", competitors);
		values.put("nextStep", nextStep);
		values.put("lostReason", lostReason);
		values.put("forecastCategory", forecastCategory);
		values.put("contacts", contacts.stream().map(c -> c.personId() + (c.roles().isEmpty() ? "" : " " + c.roles())).toList());
		values.values().removeIf(java.util.Objects::isNull);
		return values;
	}
}
