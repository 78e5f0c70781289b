package org.sencrm.sales.opportunity;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.sencrm.directory.Customers;
import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.History;
import org.sencrm.platform.Ids;
import org.sencrm.platform.NotFoundException;
import org.sencrm.platform.StaleVersionException;
import org.sencrm.platform.ValidationException;
import org.sencrm.sales.Amounts;
import org.sencrm.sales.pipeline.Pipeline;
import org.sencrm.sales.pipeline.Pipelines;
import org.sencrm.sales.pipeline.Stage;
import org.sencrm.trash.Trash;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating, changing, moving, winning, losing and listing opportunities. Every field is checked
 * at once (all problems in one answer); every stage change is kept with who and when
 * ({@link StageMoves}), and the record's field changes go to its history.
 */
@Service
public class OpportunityService {

	static final String ENTITY = "opportunity";
	private static final int MAX_NAME = 200;
	private static final int MAX_TEXT = 500;
	private static final int MAX_COMPETITORS = 20;
	private static final int MAX_CONTACTS = 50;

	private final OpportunityRepository opportunities;
	private final Pipelines pipelines;
	private final OpportunityAccess access;
	private final Customers customers;
	private final UserDirectory users;
	private final History history;
	private final StageMoves moves;
	private final Clock clock;
	private final Trash trash;

	OpportunityService(OpportunityRepository opportunities, Pipelines pipelines, OpportunityAccess access, Customers customers,
			UserDirectory users, History history, StageMoves moves, Clock clock, Trash trash) {
		this.trash = trash;
		this.opportunities = opportunities;
		this.pipelines = pipelines;
		this.access = access;
		this.customers = customers;
		this.users = users;
		this.history = history;
		this.moves = moves;
		this.clock = clock;
	}

	/** An opportunity the current user may see; any other (or another workspace's) is not found. */
	@Transactional(readOnly = true)
	public Opportunity get(UUID id) {
		return opportunities.find(id).filter(o -> access.sight().sees(o.ownerId(), o.ownerTeamId()))
				.orElseThrow(() -> new NotFoundException("entity.opportunity"));
	}

	/**
	 * The same as {@link #get} without an exception, for callers inside their own transaction (an
	 * exception through this service would mark their transaction for rollback).
	 */
	@Transactional(readOnly = true)
	public Optional<Opportunity> find(UUID id) {
		return opportunities.find(id).filter(o -> access.sight().sees(o.ownerId(), o.ownerTeamId()));
	}

	@Transactional(readOnly = true)
	public OpportunityRepository.Page list(OpportunityFilter filter) {
		return opportunities.list(filter, access.sight());
	}

	@Transactional(readOnly = true)
	public boolean canEdit(Opportunity opportunity) {
		return access.canEdit(opportunity);
	}

	@Transactional
	public Opportunity create(OpportunityDraft draft) {
		access.requireWrite();
		var now = Instant.now(clock);
		var opportunity = checked(Ids.next(), draft, null, access.ownerOfNew(draft.ownerId()), access.teamOfNew(draft.ownerTeamId()),
				now);
		opportunities.insert(opportunity);
		history.created(ENTITY, opportunity.id(), opportunity.historyValues());
		moves.entered(null, opportunity, now);
		return opportunity;
	}

	/** Changes the fields sent; a new stage (or pipeline) is a move like {@link #move}. */
	@Transactional
	public Opportunity update(UUID id, OpportunityDraft draft, Integer expectedVersion) {
		var current = get(id);
		access.requireEdit(current);
		if (expectedVersion != null && expectedVersion != current.version()) {
			throw new StaleVersionException();
		}
		var ownerId = draft.ownerId() == null ? current.ownerId() : draft.ownerId();
		access.checkChange(current.ownerId(), current.ownerTeamId(), ownerId, draft.ownerTeamId());
		var now = Instant.now(clock);
		var changed = checked(id, draft, current, ownerId, draft.ownerTeamId(), now);
		if (!opportunities.update(changed, current.version())) {
			throw new StaleVersionException();
		}
		history.updated(ENTITY, id, current.historyValues(), changed.historyValues());
		if (!changed.stageId().equals(current.stageId())) {
			moves.entered(current, changed, now);
		}
		return get(id);
	}

	/** Moves an opportunity to a stage (of its pipeline or another); a lost stage needs the reason. */
	@Transactional
	public Opportunity move(UUID id, UUID stageId, String lostReason, Integer expectedVersion) {
		var current = get(id);
		if (stageId == null) {
			throw new ValidationException(List.of(new ValidationException.FieldProblem("stageId", "validation.required")));
		}
		var stage = pipelines.stage(stageId);
		return update(id, moved(current, stage.pipelineId(), stageId, lostReason), expectedVersion);
	}

	/** Marks an opportunity won: into the given won stage, or its pipeline's first one. */
	@Transactional
	public Opportunity win(UUID id, UUID stageId, Integer expectedVersion) {
		var current = get(id);
		var stage = closingStage(current, stageId, Stage.WON);
		return update(id, moved(current, stage.pipelineId(), stage.id(), null), expectedVersion);
	}

	/** Marks an opportunity lost, with the reason (required): into the given lost stage, or its pipeline's first one. */
	@Transactional
	public Opportunity lose(UUID id, String reason, UUID stageId, Integer expectedVersion) {
		var current = get(id);
		var stage = closingStage(current, stageId, Stage.LOST);
		return update(id, moved(current, stage.pipelineId(), stage.id(), reason == null ? "" : reason), expectedVersion);
	}

	/** Moves the opportunity to the trash with its quotes and the notes and tasks about it (decision 22). */
	@Transactional
	public void delete(UUID id, Integer expectedVersion) {
		var current = get(id);
		access.requireEdit(current);
		trash.moveToTrash(ENTITY, id, expectedVersion);
	}

	@Transactional(readOnly = true)
	public StageHistory stageHistory(UUID id) {
		get(id);
		var names = new HashMap<UUID, String>();
		pipelines.all().forEach(p -> p.stages().forEach(s -> names.put(s.id(), s.name())));
		return StageHistory.of(opportunities.stageChanges(id), Instant.now(clock), names::get);
	}

	@Transactional(readOnly = true)
	public List<History.Entry> history(UUID id) {
		get(id);
		return history.of(id);
	}

	private Stage closingStage(Opportunity current, UUID stageId, String kind) {
		if (stageId != null) {
			var stage = pipelines.stage(stageId);
			if (!stage.kind().equals(kind)) {
				throw new ValidationException(List.of(new ValidationException.FieldProblem("stageId", "validation.stage-kind")));
			}
			return stage;
		}
		return pipelines.get(current.pipelineId()).firstOfKind(kind)
				.orElseThrow(() -> new ValidationException(List.of(new ValidationException.FieldProblem("stageId",
						"validation.stage-kind"))));
	}

	private static OpportunityDraft moved(Opportunity current, UUID pipelineId, UUID stageId, String lostReason) {
		var d = current.toDraft();
		return new OpportunityDraft(d.name(), pipelineId, stageId, d.amount(), d.currency(), d.personId(), d.organizationId(),
				d.expectedCloseDate(), d.ownerId(), d.ownerTeamId(), d.competitors(), d.nextStep(),
				lostReason == null ? d.lostReason() : lostReason, d.forecastCategory(), d.contacts());
	}

	/**
	 * The opportunity as it will be stored, or every problem with the draft. {@code current} is
	 * null for a new one. Moving into a won or lost stage closes it (the close date becomes today in
	 * the workspace's time zone); moving back into an open stage reopens it.
	 */
	private Opportunity checked(UUID id, OpportunityDraft draft, Opportunity current, UUID ownerId, UUID ownerTeamId,
			Instant now) {
		var problems = new ValidationException.Collector();
		var name = text(draft.name(), MAX_NAME, "name", problems);
		if (name == null) {
			problems.add("name", "validation.required");
		}
		var stage = stage(draft, problems);
		var status = stage == null ? Opportunity.OPEN : stage.kind();
		var lostReason = Opportunity.LOST.equals(status) ? text(draft.lostReason(), MAX_TEXT, "lostReason", problems) : null;
		if (Opportunity.LOST.equals(status) && lostReason == null) {
			problems.add("lostReason", "validation.lost-reason");
		}
		customer(draft, problems);
		var currency = Amounts.currency(draft.currency() == null || draft.currency().isBlank() ? users.workspace().currency()
				: draft.currency(), "currency", problems);
		var amount = Amounts.amount(draft.amount(), currency, "amount", problems);
		var closeDate = draft.expectedCloseDate();
		if (closeDate == null) {
			problems.add("expectedCloseDate", "validation.required");
		} else if (closeDate.getYear() < 2000 || closeDate.getYear() > 2200) {
			problems.add("expectedCloseDate", "validation.close-date");
		}
		var competitors = competitors(draft.competitors(), problems);
		var nextStep = text(draft.nextStep(), MAX_TEXT, "nextStep", problems);
		var forecastCategory = forecastCategory(draft.forecastCategory(), problems);
		var contacts = contacts(draft.contacts(), problems);
		access.validate(ownerId, ownerTeamId, problems);
		problems.throwIfAny();

		var wasStatus = current == null ? null : current.status();
		var stageChanged = current == null || !current.stageId().equals(stage.id());
		var closing = !Opportunity.OPEN.equals(status) && !status.equals(wasStatus);
		var closedAt = Opportunity.OPEN.equals(status) ? null : closing ? now : current.closedAt();
		if (closing) {
			closeDate = LocalDate.ofInstant(now, ZoneId.of(users.workspace().timeZone()));
		}
		return new Opportunity(id, name, stage.pipelineId(), stage.id(), status, draft.personId(), draft.organizationId(), amount,
				currency, closeDate, ownerId, ownerTeamId, competitors, nextStep, lostReason, forecastCategory, contacts,
				stageChanged ? now : current.stageEnteredAt(), closedAt, current == null ? now : current.createdAt(), now,
				current == null ? 0 : current.version() + 1);
	}

	/** The stage asked for (its pipeline's first open stage when only the pipeline is named), active and in an active pipeline. */
	private Stage stage(OpportunityDraft draft, ValidationException.Collector problems) {
		if (draft.pipelineId() == null && draft.stageId() == null) {
			problems.add("pipelineId", "validation.required");
			return null;
		}
		Pipeline pipeline;
		try {
			pipeline = pipelines.get(draft.pipelineId() != null ? draft.pipelineId() : pipelines.stage(draft.stageId()).pipelineId());
		} catch (NotFoundException e) {
			problems.add(draft.pipelineId() != null ? "pipelineId" : "stageId", "validation.pipeline");
			return null;
		}
		if (pipeline.archived()) {
			problems.add("pipelineId", "validation.pipeline-archived");
			return null;
		}
		var stage = draft.stageId() == null ? pipeline.firstOfKind(Stage.OPEN) : pipeline.stage(draft.stageId());
		if (stage.isEmpty() || stage.get().archived()) {
			problems.add("stageId", "validation.stage");
			return null;
		}
		return stage.get();
	}

	/** Exactly one customer, a person or an organization the user can read. */
	private void customer(OpportunityDraft draft, ValidationException.Collector problems) {
		if (draft.personId() == null && draft.organizationId() == null) {
			problems.add("personId", "validation.customer");
		} else if (draft.personId() != null && draft.organizationId() != null) {
			problems.add("organizationId", "validation.one-customer");
		} else if (draft.personId() != null && customers.person(draft.personId()).isEmpty()) {
			problems.add("personId", "validation.person");
		} else if (draft.organizationId() != null && customers.organization(draft.organizationId()).isEmpty()) {
			problems.add("organizationId", "validation.organization");
		}
	}

	private static List<String> competitors(List<String> given, ValidationException.Collector problems) {
		if (given == null) {
			return List.of();
		}
		var seen = new HashSet<String>();
		var result = new ArrayList<String>();
		for (int i = 0; i < given.size(); i++) {
			var name = given.get(i) == null ? "" : given.get(i).strip();
			if (name.length() > 100) {
				problems.add("competitors[" + i + "]", "validation.too-long");
			} else if (!name.isEmpty() && seen.add(name.toLowerCase(java.util.Locale.ROOT))) {
				result.add(name);
			}
		}
		if (result.size() > MAX_COMPETITORS) {
			problems.add("competitors", "validation.too-many", MAX_COMPETITORS);
		}
		return List.copyOf(result);
	}

	private List<OpportunityContact> contacts(List<OpportunityContact> given, ValidationException.Collector problems) {
		if (given == null) {
			return List.of();
		}
		if (given.size() > MAX_CONTACTS) {
			problems.add("contacts", "validation.too-many", MAX_CONTACTS);
			return List.of();
		}
		var seen = new HashSet<UUID>();
		var result = new ArrayList<OpportunityContact>();
		for (int i = 0; i < given.size(); i++) {
			var contact = given.get(i);
			if (contact == null || contact.personId() == null) {
				problems.add("contacts[" + i + "].personId", "validation.required");
				continue;
			}
			if (!seen.add(contact.personId())) {
				problems.add("contacts[" + i + "].personId", "validation.duplicate-contact");
			} else if (customers.person(contact.personId()).isEmpty()) {
				problems.add("contacts[" + i + "].personId", "validation.person");
			}
			if (!OpportunityContact.BUYING_ROLES.containsAll(contact.roles())) {
				problems.add("contacts[" + i + "].roles", "validation.buying-role");
			}
			result.add(new OpportunityContact(contact.personId(), contact.roles().stream().distinct().toList()));
		}
		return List.copyOf(result);
	}

	/** One of the forecast categories (any case), or null for "the stage decides"; anything else is a problem. */
	private static String forecastCategory(String given, ValidationException.Collector problems) {
		if (given == null || given.isBlank()) {
			return null;
		}
		var category = given.strip().toLowerCase(java.util.Locale.ROOT);
		if (!Opportunity.FORECAST_CATEGORIES.contains(category)) {
			problems.add("forecastCategory", "validation.forecast-category");
			return null;
		}
		return category;
	}

	private static String text(String given, int max, String field, ValidationException.Collector problems) {
		if (given == null || given.isBlank()) {
			return null;
		}
		var text = given.strip();
		if (text.length() > max) {
			problems.add(field, "validation.too-long");
		}
		return text;
	}
}
