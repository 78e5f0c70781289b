package org.sencrm.sales.lead;

import java.time.Clock;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.sencrm.directory.CustomerIntake;
import org.sencrm.directory.Customers;
import org.sencrm.platform.DomainException;
import org.sencrm.platform.History;
import org.sencrm.platform.NotFoundException;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.WorkspaceContext;
import org.sencrm.timeline.RecordTimeline;
import org.sencrm.timeline.Touchpoint;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Converting a lead, in one transaction: the person (the one chosen, the one linked from the
 * matches, the one with the lead's email, or a new one), the organization when the lead names a
 * company (chosen, linked, the one with its tax code or exactly its name, or a new one) with the
 * person as its contact, and the opportunity. The lead's consents go to the person (newer wins),
 * its logged touches move to the person's timeline, and a "converted from lead" entry there
 * names the lead, which stays as it was with links to what it became. Twice is refused: the lead
 * row is locked first and a converted lead cannot be converted again. Decision 0011.
 */
@Service
public class ConvertLead {

	/**
	 * What the user chose: existing records to use (null: find or create), a new person even when
	 * one has the lead's email, whether to open an opportunity (default yes) and its name and amount.
	 */
	public record Request(UUID personId, UUID organizationId, Boolean createNewPerson, Boolean createOpportunity,
			String opportunityName, BigDecimal amount, String currency) {

		static final Request DEFAULT = new Request(null, null, false, true, null, null, null);
	}

	public record Result(UUID personId, UUID organizationId, UUID opportunityId) {
	}

	private static final Pattern CURRENCY = Pattern.compile("^[A-Z]{3}$");

	private final LeadRepository leads;
	private final LeadAccess access;
	private final CustomerIntake directory;
	private final Customers customers;
	private final OpportunityOpener opportunities;
	private final RecordTimeline timeline;
	private final ApplicationEventPublisher events;
	private final MessageSource messages;
	private final History history;
	private final Clock clock;

	ConvertLead(LeadRepository leads, LeadAccess access, CustomerIntake directory, Customers customers,
			OpportunityOpener opportunities, RecordTimeline timeline, ApplicationEventPublisher events, MessageSource messages,
			History history, Clock clock) {
		this.leads = leads;
		this.access = access;
		this.directory = directory;
		this.customers = customers;
		this.opportunities = opportunities;
		this.timeline = timeline;
		this.events = events;
		this.messages = messages;
		this.history = history;
		this.clock = clock;
	}

	@Transactional
	public Result convert(UUID leadId, Request given) {
		var request = given == null ? Request.DEFAULT : given;
		var lead = leads.lock(leadId).orElseThrow(() -> new NotFoundException("entity.lead"));
		access.requireEdit(lead);
		if (lead.status().equals(Lead.CONVERTED)) {
			throw new DomainException("lead.already-converted");
		}
		if (lead.status().equals(Lead.DISQUALIFIED)) {
			throw new DomainException("lead.convert-disqualified");
		}
		check(request);
		var owner = lead.ownerId() != null ? lead.ownerId() : access.user().id();
		var consents = consents(lead);

		var existing = existingPerson(lead, request);
		existing.filter(id -> !consents.isEmpty()).ifPresent(id -> directory.recordConsents(id, consents));
		final UUID personId = existing.orElseGet(() -> directory.createPerson(new CustomerIntake.NewPerson(lead.familyName(),
				lead.givenName(), lead.email(), lead.phone(), lead.province(), lead.source(), owner, lead.ownerTeamId(), consents)));
		var organization = existingOrganization(lead, request);
		if (organization.isEmpty() && (lead.companyName() != null || lead.taxCode() != null)) {
			organization = Optional.of(directory.createOrganization(lead.companyName() != null ? lead.companyName() : lead.taxCode(),
					lead.taxCode(), lead.province(), owner, lead.ownerTeamId()));
		}
		final UUID organizationId = organization.orElse(null);
		if (organizationId != null) {
			directory.linkContact(personId, organizationId, lead.jobTitle());
		}

		UUID opportunityId = null;
		if (!Boolean.FALSE.equals(request.createOpportunity())) {
			var name = request.opportunityName() != null && !request.opportunityName().isBlank() ? request.opportunityName().strip()
					: lead.companyName() != null ? lead.companyName()
					: customers.person(personId).map(Customers.CustomerSummary::name).orElse(lead.email());
			opportunityId = opportunities.open(personId, organizationId, name, request.amount(),
					request.currency() == null ? null : request.currency().toUpperCase(Locale.ROOT), owner, lead.source()).orElse(null);
		}

		timeline.attachToCustomer(Leads.RECORD_TYPE, lead.id(), personId, organizationId);
		events.publishEvent(new Touchpoint(WorkspaceContext.workspaceId(), "note", personId, organizationId,
				Leads.RECORD_TYPE, lead.id(), message("lead.converted.subject"), summary(lead), Instant.now(clock), access.user().id(),
				"sales", "lead-converted:" + lead.id()));

		leads.converted(lead.id(), personId, organizationId, opportunityId);
		var after = new LinkedHashMap<String, Object>(lead.historyValues());
		after.put("status", Lead.CONVERTED);
		after.put("convertedPersonId", personId.toString());
		if (organizationId != null) {
			after.put("convertedOrganizationId", organizationId.toString());
		}
		if (opportunityId != null) {
			after.put("convertedOpportunityId", opportunityId.toString());
		}
		history.updated(Leads.ENTITY, lead.id(), lead.historyValues(), after);
		return new Result(personId, organizationId, opportunityId);
	}

	private Optional<UUID> existingPerson(Lead lead, Request request) {
		if (request.personId() != null) {
			return Optional.of(customers.person(request.personId()).orElseThrow(() -> invalid("personId", "validation.person")).id());
		}
		if (Boolean.TRUE.equals(request.createNewPerson())) {
			return Optional.empty();
		}
		if (lead.linkedPersonId() != null && customers.person(lead.linkedPersonId()).isPresent()) {
			return Optional.of(lead.linkedPersonId());
		}
		return lead.email() == null ? Optional.empty() : directory.personsByEmail(lead.email()).stream().findFirst();
	}

	/** The organization chosen or linked; else the one with the lead's tax code; else one with exactly the company's name (and no other tax code). */
	private Optional<UUID> existingOrganization(Lead lead, Request request) {
		if (request.organizationId() != null) {
			return Optional.of(customers.organization(request.organizationId())
					.orElseThrow(() -> invalid("organizationId", "validation.organization")).id());
		}
		if (lead.linkedOrganizationId() != null && customers.organization(lead.linkedOrganizationId()).isPresent()) {
			return Optional.of(lead.linkedOrganizationId());
		}
		if (lead.taxCode() != null) {
			var byTaxCode = directory.organizationsByTaxCode(lead.taxCode()).stream().findFirst();
			if (byTaxCode.isPresent()) {
				return byTaxCode;
			}
		}
		if (lead.companyName() == null) {
			return Optional.empty();
		}
		var key = CustomerIntake.companyKey(lead.companyName());
		return directory.organizationsNamed(lead.companyName()).stream()
				.filter(id -> customers.organization(id).map(o -> key != null && key.equals(CustomerIntake.companyKey(o.name())))
						.orElse(false))
				.filter(id -> lead.taxCode() == null || directory.organizationsByTaxCode(lead.taxCode()).isEmpty())
				.findFirst();
	}

	private static Map<String, CustomerIntake.ConsentGiven> consents(Lead lead) {
		var consents = new LinkedHashMap<String, CustomerIntake.ConsentGiven>();
		lead.consents().forEach((channel, c) -> consents.put(channel, new CustomerIntake.ConsentGiven(c.status(), c.at(), c.method(),
				c.note(), c.recordedBy(), c.recordedByName())));
		return consents;
	}

	private static void check(Request request) {
		var problems = new ValidationException.Collector();
		if (request.amount() != null && request.amount().signum() < 0) {
			problems.add("amount", "validation.amount");
		}
		if (request.currency() != null && !CURRENCY.matcher(request.currency().toUpperCase(Locale.ROOT)).matches()) {
			problems.add("currency", "validation.currency");
		}
		if (request.opportunityName() != null && request.opportunityName().length() > 200) {
			problems.add("opportunityName", "validation.too-long");
		}
		problems.throwIfAny();
	}

	/** What the person's timeline says about the lead they came from. */
	private String summary(Lead lead) {
		var lines = new StringBuilder("<ul>");
		line(lines, "lead.field.source", message("lead.source." + lead.source()));
		line(lines, "lead.field.campaign", lead.campaign());
		line(lines, "lead.field.score", Integer.toString(lead.score()));
		line(lines, "lead.field.companyName", lead.companyName());
		line(lines, "lead.field.jobTitle", lead.jobTitle());
		line(lines, "lead.field.message", lead.message());
		line(lines, "lead.field.receivedAt", lead.createdAt().toString());
		return lines.append("</ul>").toString();
	}

	private void line(StringBuilder lines, String label, String value) {
		if (value != null && !value.isBlank()) {
			lines.append("<li>").append(escape(message(label))).append(": ").append(escape(value)).append("</li>");
		}
	}

	private String message(String key) {
		return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	private static ValidationException invalid(String field, String code) {
		return new ValidationException(java.util.List.of(new ValidationException.FieldProblem(field, code)));
	}
}
