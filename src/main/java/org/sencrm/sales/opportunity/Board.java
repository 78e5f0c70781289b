package org.sencrm.sales.opportunity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.sencrm.sales.pipeline.Pipeline;
import org.sencrm.sales.pipeline.Stage;

/**
 * The board of one pipeline, a read model made for the page: a column per active stage with its
 * first cards and the totals of all its opportunities under the filter. Won and lost columns show
 * what closed since {@code closedSince} unless the filter names a close month.
 */
public record Board(Pipeline pipeline, List<Column> columns, LocalDate closedSince) {

	public record Column(Stage stage, List<Card> cards, boolean more, long count, List<Total> totals) {
	}

	public record Card(UUID id, String name, UUID personId, UUID organizationId, String customerName, BigDecimal amount,
			String currency, LocalDate closeDate, UUID ownerId, String ownerName, Instant stageEnteredAt, int version,
			boolean canEdit) {
	}

	/** Opportunities in one currency: how many, and their amounts added up (those without an amount count as none). */
	public record Total(String currency, long count, BigDecimal sum) {
	}
}
