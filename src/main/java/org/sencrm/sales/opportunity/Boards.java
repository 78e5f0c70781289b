package org.sencrm.sales.opportunity;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.sencrm.directory.Customers;
import org.sencrm.identity.UserDirectory;
import org.sencrm.sales.pipeline.Pipelines;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the board of a pipeline in one read-only transaction: per active stage, the first
 * {@link #CARDS_PER_COLUMN} cards and the totals (count and sum per currency) of every opportunity
 * in it under the filter — an aggregate, never the cards added up. Won and lost columns show what
 * closed in the last {@link #CLOSED_DAYS} days unless a close month is chosen.
 */
@Service
public class Boards {

	public static final int CARDS_PER_COLUMN = 50;
	public static final int CLOSED_DAYS = 90;

	private final OpportunityRepository opportunities;
	private final Pipelines pipelines;
	private final OpportunityAccess access;
	private final Customers customers;
	private final UserDirectory users;
	private final Clock clock;

	Boards(OpportunityRepository opportunities, Pipelines pipelines, OpportunityAccess access, Customers customers,
			UserDirectory users, Clock clock) {
		this.opportunities = opportunities;
		this.pipelines = pipelines;
		this.access = access;
		this.customers = customers;
		this.users = users;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Board board(UUID pipelineId, UUID ownerId, UUID teamId, YearMonth closeMonth) {
		var pipeline = pipelines.get(pipelineId);
		var sight = access.sight();
		var user = access.user();
		var filter = BoardFilter.of(ownerId, teamId, closeMonth);
		var closedSince = closeMonth == null
				? users.workspace().today(clock).minusDays(CLOSED_DAYS) : null;
		var stages = pipeline.activeStages();
		var cardsPerStage = new ArrayList<List<Opportunity>>();
		var totalsPerStage = new ArrayList<List<Board.Total>>();
		for (var stage : stages) {
			var stageFilter = stage.closed() ? filter.closedSince(closedSince) : filter;
			cardsPerStage.add(opportunities.cards(pipeline.id(), stage.id(), stageFilter, sight, stage.closed(),
					CARDS_PER_COLUMN + 1));
			totalsPerStage.add(opportunities.totals(pipeline.id(), stage.id(), stageFilter, sight));
		}
		var personIds = new HashSet<UUID>();
		var organizationIds = new HashSet<UUID>();
		cardsPerStage.forEach(cards -> cards.forEach(o -> {
			if (o.personId() != null) {
				personIds.add(o.personId());
			} else {
				organizationIds.add(o.organizationId());
			}
		}));
		var customerNames = customers.names(personIds, organizationIds);
		var ownerNames = users.users().stream()
				.collect(Collectors.toMap(UserDirectory.UserSummary::id, UserDirectory.UserSummary::displayName));
		var columns = new ArrayList<Board.Column>();
		for (int i = 0; i < stages.size(); i++) {
			var found = cardsPerStage.get(i);
			var cards = found.stream().limit(CARDS_PER_COLUMN).map(o -> new Board.Card(o.id(), o.name(), o.personId(),
					o.organizationId(), customerNames.get(o.personId() != null ? o.personId() : o.organizationId()), o.amount(),
					o.currency(), o.expectedCloseDate(), o.ownerId(), ownerNames.get(o.ownerId()), o.stageEnteredAt(), o.version(),
					user.canEdit(o.ownerId(), o.ownerTeamId()))).toList();
			var totals = totalsPerStage.get(i);
			columns.add(new Board.Column(stages.get(i), cards, found.size() > CARDS_PER_COLUMN,
					totals.stream().mapToLong(Board.Total::count).sum(), totals));
		}
		return new Board(pipeline, columns, closedSince);
	}
}
