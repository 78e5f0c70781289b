package org.sencrm.sales;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.sencrm.sales.opportunity.Opportunity;
import org.sencrm.sales.opportunity.OpportunityContact;
import org.sencrm.sales.opportunity.OpportunityDraft;
import org.sencrm.sales.opportunity.OpportunityService;
import org.sencrm.sales.pipeline.Pipeline;
import org.sencrm.sales.pipeline.Pipelines;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules (and the sales packages for quotes, orders, leads and the forecast) ask of
 * opportunities, with the current user's access rules: find one, and create one (lead conversion).
 */
@Component
public class Opportunities {

	private final OpportunityService opportunities;
	private final Pipelines pipelines;
	private final Clock clock;

	Opportunities(OpportunityService opportunities, Pipelines pipelines, Clock clock) {
		this.opportunities = opportunities;
		this.pipelines = pipelines;
		this.clock = clock;
	}

	/** The opportunity, if it exists in the workspace and the current user may see it (each call its own transaction). */
	public Optional<OpportunitySummary> find(UUID id) {
		return opportunities.find(id).map(this::summary);
	}

	/** May the current user change this opportunity (attach a quote to it, say)? */
	public boolean canEdit(UUID id) {
		return opportunities.find(id).map(opportunities::canEdit).orElse(false);
	}

	/** Creates an opportunity as the current user, with the same checks as the API; returns it. */
	@Transactional
	public OpportunitySummary create(NewOpportunity request) {
		var pipelineId = request.pipelineId() != null || request.stageId() != null ? request.pipelineId()
				: defaultPipeline(request.organizationId() != null).map(Pipeline::id).orElse(null);
		var contacts = request.contactPersonIds() == null ? List.<OpportunityContact>of()
				: request.contactPersonIds().stream().distinct().map(p -> new OpportunityContact(p, List.of())).toList();
		var created = opportunities.create(new OpportunityDraft(request.name(), pipelineId, request.stageId(), request.amount(),
				request.currency(), request.personId(), request.organizationId(),
				request.expectedCloseDate() == null ? LocalDate.now(clock).plusDays(30) : request.expectedCloseDate(), request.ownerId(),
				request.ownerTeamId(), List.of(), null, null, null, contacts));
		return summary(created);
	}

	private Optional<Pipeline> defaultPipeline(boolean business) {
		var active = pipelines.all().stream().filter(p -> !p.archived()).toList();
		var template = business ? "b2b" : "b2c";
		return active.stream().filter(p -> template.equals(p.template())).findFirst().or(() -> active.stream().findFirst());
	}

	private OpportunitySummary summary(Opportunity o) {
		var stage = pipelines.stage(o.stageId());
		return new OpportunitySummary(o.id(), o.name(), o.personId(), o.organizationId(), o.amount(), o.currency(), o.pipelineId(),
				o.stageId(), stage.name(), stage.probability(), o.status(), o.expectedCloseDate(), o.ownerId(), o.ownerTeamId(),
				o.version());
	}
}
