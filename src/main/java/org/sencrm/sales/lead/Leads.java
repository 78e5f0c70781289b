package org.sencrm.sales.lead;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.sencrm.directory.Customers;
import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.AccessDeniedException;
import org.sencrm.platform.DomainException;
import org.sencrm.platform.History;
import org.sencrm.platform.Ids;
import org.sencrm.platform.NotFoundException;
import org.sencrm.platform.StaleVersionException;
import org.sencrm.platform.ValidationException;
import org.sencrm.timeline.RecordTimeline;
import org.sencrm.trash.Trash;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leads from arrival to qualification: every way in (a user, the API, an import, a web form)
 * goes through {@link #arrive}, which checks the fields, assigns an owner by the rules, scores
 * the lead and counts its likely duplicates. Changes keep their history; a converted lead is
 * kept as it was (see {@link ConvertLead}).
 */
@Service
public class Leads {

	static final String ENTITY = "lead";
	static final String RECORD_TYPE = "lead";

	/** Where a lead came from besides its source: the web form and the consent text it showed. */
	record Arrival(UUID webFormId, String consentText) {
		static final Arrival DIRECT = new Arrival(null, null);
	}

	private final LeadRepository leads;
	private final LeadAccess access;
	private final ScoringRules scoring;
	private final AssignmentRules assignment;
	private final LeadMatches matches;
	private final UserDirectory users;
	private final Customers customers;
	private final RecordTimeline timeline;
	private final History history;
	private final Clock clock;
	private final Trash trash;

	Leads(LeadRepository leads, LeadAccess access, ScoringRules scoring, AssignmentRules assignment, LeadMatches matches,
			UserDirectory users, Customers customers, RecordTimeline timeline, History history, Clock clock, Trash trash) {
		this.trash = trash;
		this.leads = leads;
		this.access = access;
		this.scoring = scoring;
		this.assignment = assignment;
		this.matches = matches;
		this.users = users;
		this.customers = customers;
		this.timeline = timeline;
		this.history = history;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Lead get(UUID id) {
		return leads.find(id).orElseThrow(() -> new NotFoundException("entity.lead"));
	}

	@Transactional(readOnly = true)
	public LeadPage list(LeadFilter filter) {
		return leads.list(filter);
	}

	/** Moves a lead to the trash with the touches logged on it (decision 22); with {@code expectedVersion} only at that version. */
	@Transactional
	public void delete(UUID id, Integer expectedVersion) {
		access.requireEdit(get(id));
		trash.moveToTrash(ENTITY, id, expectedVersion);
	}

	@Transactional(readOnly = true)
	public List<History.Entry> history(UUID id) {
		get(id);
		return history.of(id);
	}

	@Transactional(readOnly = true)
	public List<LeadMatch> matches(UUID id) {
		return matches.of(get(id));
	}

	@Transactional(readOnly = true)
	public List<RecordTimeline.Entry> touches(UUID id) {
		get(id);
		return timeline.of(RECORD_TYPE, id, 100);
	}

	/**
	 * A lead entered by the signed-in user (the form, the API, an import row). The owner is the one
	 * asked for (if the user may give leads to others), else the one the assignment rules give, else the user.
	 */
	@Transactional
	public Lead create(LeadDraft draft, String defaultSource) {
		access.requireWrite();
		var user = access.user();
		var problems = new ValidationException.Collector();
		var clean = LeadFields.check(draft, defaultSource, Instant.now(clock), problems);
		checkOwner(draft.ownerId(), draft.ownerTeamId(), problems);
		problems.throwIfAny();
		if (draft.ownerTeamId() != null && !access.canReassign() && !user.teamIds().contains(draft.ownerTeamId())) {
			throw new AccessDeniedException("reassign");
		}
		var asked = draft.ownerId() == null ? null : access.canReassign() ? draft.ownerId() : user.id();
		return arrive(clean, asked, draft.ownerTeamId(), Arrival.DIRECT, true);
	}

	/** A lead that came in without a user (a web form): owned by whom the assignment rules say, or nobody yet. */
	@Transactional
	Lead receive(LeadDraft draft, Arrival arrival) {
		var problems = new ValidationException.Collector();
		var clean = LeadFields.check(draft, "web_form", Instant.now(clock), problems);
		problems.throwIfAny();
		return arrive(clean, null, null, arrival, false);
	}

	private Lead arrive(LeadFields.Clean c, UUID askedOwner, UUID askedTeam, Arrival arrival, boolean creatorOwnsOtherwise) {
		var now = Instant.now(clock);
		var lead = new Lead(Ids.next(), Lead.NEW, c.familyName(), c.givenName(), c.email(), c.phone(), c.companyName(),
				c.taxCode(), c.jobTitle(), c.province(), c.message(), c.source(), c.campaign(), c.consents(), arrival.consentText(),
				arrival.webFormId(), askedOwner, askedTeam, 0, null, null, null, null, null, null, null, 0, null, 0, now, now, 0);
		if (askedOwner == null) {
			var owner = assignment.ownerFor(lead);
			if (owner.isPresent()) {
				lead = withOwner(lead, owner.get().userId(), owner.get().teamId() != null ? owner.get().teamId() : askedTeam);
			} else if (creatorOwnsOtherwise) {
				lead = withOwner(lead, access.user().id(), askedTeam);
			}
		}
		lead = lead.with(Lead.NEW, null, scoring.scoreOf(lead), matches.count(lead), 0, Instant.now(clock));
		leads.insert(lead);
		history.created(ENTITY, lead.id(), lead.historyValues());
		return get(lead.id());
	}

	@Transactional
	public Lead update(UUID id, LeadDraft draft, int expectedVersion) {
		var current = editable(id, expectedVersion);
		var problems = new ValidationException.Collector();
		var c = LeadFields.check(draft, current.source(), current.consents(), Instant.now(clock), problems);
		var status = draft.status() == null ? current.status() : draft.status();
		if (!status.equals(current.status()) && !(List.of(Lead.NEW, Lead.WORKING).contains(status)
				&& List.of(Lead.NEW, Lead.WORKING).contains(current.status()))) {
			problems.add("status", "validation.lead-status");
		}
		checkOwner(draft.ownerId(), draft.ownerTeamId(), problems);
		problems.throwIfAny();
		checkOwnerChange(current, draft.ownerId(), draft.ownerTeamId());
		var changed = new Lead(id, status, c.familyName(), c.givenName(), c.email(), c.phone(), c.companyName(), c.taxCode(),
				c.jobTitle(), c.province(), c.message(), c.source(), c.campaign(), c.consents(), current.consentText(),
				current.webFormId(), draft.ownerId(), draft.ownerTeamId(), 0, current.disqualifyReason(), current.linkedPersonId(),
				current.linkedOrganizationId(), null, null, null, null, current.activityCount(), current.lastActivityAt(), 0,
				current.createdAt(), Instant.now(clock), expectedVersion + 1);
		return store(current, changed.with(status, changed.disqualifyReason(), scoring.scoreOf(changed), matches.count(changed),
				expectedVersion + 1, Instant.now(clock)));
	}

	@Transactional
	public Lead qualify(UUID id, Integer expectedVersion) {
		var current = editable(id, expectedVersion);
		if (current.status().equals(Lead.QUALIFIED)) {
			return current;
		}
		return store(current, current.with(Lead.QUALIFIED, null, current.score(), current.possibleDuplicates(), current.version() + 1, Instant.now(clock)));
	}

	@Transactional
	public Lead disqualify(UUID id, String reason, Integer expectedVersion) {
		var current = editable(id, expectedVersion);
		var problems = new ValidationException.Collector();
		var clean = LeadFields.text(reason, "reason", 500, problems);
		if (clean == null) {
			problems.add("reason", "validation.disqualify-reason");
		}
		problems.throwIfAny();
		return store(current, current.with(Lead.DISQUALIFIED, clean, current.score(), current.possibleDuplicates(),
				current.version() + 1, Instant.now(clock)));
	}

	/** Back to work: a qualified or disqualified lead is worked again. */
	@Transactional
	public Lead reopen(UUID id, Integer expectedVersion) {
		var current = editable(id, expectedVersion);
		return store(current, current.with(Lead.WORKING, null, current.score(), current.possibleDuplicates(), current.version() + 1, Instant.now(clock)));
	}

	/** The user takes an unassigned lead (or, as a manager or admin, any lead): they become its owner. */
	@Transactional
	public Lead take(UUID id) {
		var current = editable(id, null);
		var user = access.user();
		if (current.ownerId() != null && !access.canReassign()) {
			throw new AccessDeniedException("reassign");
		}
		var taken = withOwner(current, user.id(), current.ownerTeamId());
		return store(current, taken.with(taken.status(), taken.disqualifyReason(), taken.score(), taken.possibleDuplicates(),
				current.version() + 1, Instant.now(clock)));
	}

	/** Links the lead to an existing person and/or organization (null leaves that link out), used when it is converted. */
	@Transactional
	public Lead link(UUID id, UUID personId, UUID organizationId, boolean changePerson, boolean changeOrganization) {
		var current = editable(id, null);
		var problems = new ValidationException.Collector();
		if (changePerson && personId != null && customers.person(personId).isEmpty()) {
			problems.add("personId", "validation.person");
		}
		if (changeOrganization && organizationId != null && customers.organization(organizationId).isEmpty()) {
			problems.add("organizationId", "validation.organization");
		}
		problems.throwIfAny();
		var changed = new Lead(id, current.status(), current.familyName(), current.givenName(), current.email(), current.phone(),
				current.companyName(), current.taxCode(), current.jobTitle(), current.province(), current.message(), current.source(),
				current.campaign(), current.consents(), current.consentText(), current.webFormId(), current.ownerId(),
				current.ownerTeamId(), current.score(), current.disqualifyReason(),
				changePerson ? personId : current.linkedPersonId(), changeOrganization ? organizationId : current.linkedOrganizationId(),
				null, null, null, null, current.activityCount(), current.lastActivityAt(), current.possibleDuplicates(),
				current.createdAt(), Instant.now(clock), current.version() + 1);
		return store(current, changed);
	}

	/** Logs a call, email, meeting or note about the lead; it counts for scoring and moves to the customer on conversion. */
	@Transactional
	public Lead logTouch(UUID id, String type, String subject, String body) {
		editable(id, null);
		timeline.log(RECORD_TYPE, id, type, subject, body, "sales");
		leads.touched(id, Instant.now(clock));
		var touched = get(id);
		leads.score(id, scoring.scoreOf(touched));
		return get(id);
	}

	/** The lead for a change: it exists, the user may change it, it is not converted, and the version is current. */
	Lead editable(UUID id, Integer expectedVersion) {
		var current = get(id);
		access.requireEdit(current);
		if (current.status().equals(Lead.CONVERTED)) {
			throw new DomainException("lead.converted");
		}
		if (expectedVersion != null && current.version() != expectedVersion) {
			throw new StaleVersionException();
		}
		return current;
	}

	private Lead store(Lead current, Lead changed) {
		if (!leads.update(changed, current.version())) {
			throw new StaleVersionException();
		}
		history.updated(ENTITY, changed.id(), current.historyValues(), changed.historyValues());
		return get(changed.id());
	}

	private void checkOwner(UUID ownerId, UUID teamId, ValidationException.Collector problems) {
		if (ownerId != null && users.user(ownerId).filter(UserDirectory.UserSummary::active).isEmpty()) {
			problems.add("ownerId", "validation.owner");
		}
		if (teamId != null && users.team(teamId).isEmpty()) {
			problems.add("ownerTeamId", "validation.team");
		}
	}

	/** Managers and admins give leads to anyone; others may take an unassigned lead and share it with their own team. */
	private void checkOwnerChange(Lead current, UUID ownerId, UUID teamId) {
		if (access.canReassign() || Objects.equals(current.ownerId(), ownerId) && Objects.equals(current.ownerTeamId(), teamId)) {
			return;
		}
		var user = access.user();
		var ownerOk = Objects.equals(current.ownerId(), ownerId) || current.ownerId() == null && user.id().equals(ownerId);
		var teamOk = Objects.equals(current.ownerTeamId(), teamId) || teamId == null || user.teamIds().contains(teamId);
		if (!ownerOk || !teamOk) {
			throw new AccessDeniedException("reassign");
		}
	}

	private static Lead withOwner(Lead l, UUID ownerId, UUID teamId) {
		return new Lead(l.id(), l.status(), l.familyName(), l.givenName(), l.email(), l.phone(), l.companyName(), l.taxCode(),
				l.jobTitle(), l.province(), l.message(), l.source(), l.campaign(), l.consents(), l.consentText(), l.webFormId(),
				ownerId, teamId, l.score(), l.disqualifyReason(), l.linkedPersonId(), l.linkedOrganizationId(),
				l.convertedPersonId(), l.convertedOrganizationId(), l.convertedOpportunityId(), l.convertedAt(), l.activityCount(),
				l.lastActivityAt(), l.possibleDuplicates(), l.createdAt(), l.updatedAt(), l.version());
	}
}
