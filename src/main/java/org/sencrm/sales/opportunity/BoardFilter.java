package org.sencrm.sales.opportunity;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

/** The board's filter for one column: owner, team, and a range of close dates (from inclusive, to exclusive). */
record BoardFilter(UUID ownerId, UUID teamId, LocalDate from, LocalDate to) {

	static BoardFilter of(UUID ownerId, UUID teamId, YearMonth month) {
		return month == null ? new BoardFilter(ownerId, teamId, null, null)
				: new BoardFilter(ownerId, teamId, month.atDay(1), month.plusMonths(1).atDay(1));
	}

	BoardFilter closedSince(LocalDate since) {
		return from == null && to == null ? new BoardFilter(ownerId, teamId, since, null) : this;
	}
}
