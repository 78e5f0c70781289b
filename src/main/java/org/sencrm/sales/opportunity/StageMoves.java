package org.sencrm.sales.opportunity;

import java.time.Instant;
import java.util.Locale;

import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.Ids;
import org.sencrm.platform.WorkspaceContext;
import org.sencrm.sales.OpportunityLost;
import org.sencrm.sales.OpportunityStageChanged;
import org.sencrm.sales.OpportunityWon;
import org.sencrm.sales.pipeline.Pipelines;
import org.sencrm.timeline.Touchpoint;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What follows an opportunity entering a stage, in the transaction of the change: a row of its
 * stage history, the sales events ({@link OpportunityStageChanged}; {@link OpportunityWon} or
 * {@link OpportunityLost} when it closes that way), and an entry on the customer's timeline
 * ({@link Touchpoint}, keyed by the stage change, so it is recorded once). The timeline entry is
 * written in the workspace's language, since everyone reads the same entry.
 */
@Component
class StageMoves {

	private final OpportunityRepository opportunities;
	private final Pipelines pipelines;
	private final UserDirectory users;
	private final MessageSource messages;
	private final ApplicationEventPublisher events;

	StageMoves(OpportunityRepository opportunities, Pipelines pipelines, UserDirectory users, MessageSource messages,
			ApplicationEventPublisher events) {
		this.opportunities = opportunities;
		this.pipelines = pipelines;
		this.users = users;
		this.messages = messages;
		this.events = events;
	}

	/** {@code before} is null for a new opportunity. */
	void entered(Opportunity before, Opportunity after, Instant at) {
		var scope = WorkspaceContext.current();
		var change = new StageChange(Ids.next(), after.id(), before == null ? null : before.stageId(), after.stageId(), at,
				scope.actorId(), scope.actorName());
		opportunities.insertStageChange(change);
		events.publishEvent(new OpportunityStageChanged(scope.workspaceId(), after.id(), after.pipelineId(), change.fromStageId(),
				change.toStageId(), after.status(), scope.actorId(), at));
		var newlyWon = Opportunity.WON.equals(after.status()) && (before == null || !Opportunity.WON.equals(before.status()));
		var newlyLost = Opportunity.LOST.equals(after.status()) && (before == null || !Opportunity.LOST.equals(before.status()));
		if (newlyWon) {
			events.publishEvent(new OpportunityWon(scope.workspaceId(), after.id(), after.personId(), after.organizationId(),
					after.amount(), after.currency(), after.ownerId(), after.ownerTeamId(), after.expectedCloseDate(), at));
		}
		if (newlyLost) {
			events.publishEvent(new OpportunityLost(scope.workspaceId(), after.id(), after.personId(), after.organizationId(),
					after.amount(), after.currency(), after.ownerId(), after.ownerTeamId(), after.lostReason(), at));
		}
		var locale = Locale.forLanguageTag(users.workspace().defaultLanguage());
		var to = pipelines.stage(after.stageId()).name();
		String subject;
		if (before == null) {
			subject = text("sales.timeline.created", locale, after.name(), to);
		} else if (newlyWon) {
			subject = text("sales.timeline.won", locale, after.name(), to);
		} else if (newlyLost) {
			subject = text("sales.timeline.lost", locale, after.name(), to);
		} else {
			subject = text("sales.timeline.moved", locale, after.name(), pipelines.stage(before.stageId()).name(), to);
		}
		var body = newlyLost ? text("sales.timeline.lostReason", locale, after.lostReason()) : null;
		events.publishEvent(new Touchpoint(scope.workspaceId(), "note", after.personId(), after.organizationId(),
				OpportunityService.ENTITY, after.id(), subject, body == null ? null : escape(body), at, scope.actorId(), "sales",
				change.id().toString()));
	}

	private String text(String key, Locale locale, Object... arguments) {
		return messages.getMessage(key, arguments, locale);
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}
}
