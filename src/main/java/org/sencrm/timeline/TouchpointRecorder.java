package org.sencrm.timeline;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.sencrm.platform.Ids;
import org.sencrm.platform.WorkspaceContext;
import org.sencrm.timeline.activity.Activities;
import org.sencrm.timeline.activity.Activity;
import org.sencrm.timeline.activity.ActivityType;
import org.sencrm.timeline.activity.RichText;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** Puts other modules' {@link Touchpoint}s on the timeline after their transaction commits, exactly once. */
@Component
class TouchpointRecorder {

	private final Activities activities;
	private final Clock clock;

	TouchpointRecorder(Activities activities, Clock clock) {
		this.activities = activities;
		this.clock = clock;
	}

	@Async
	@TransactionalEventListener
	void on(Touchpoint touchpoint) {
		var type = ActivityType.of(touchpoint.type()).orElse(ActivityType.NOTE).key();
		WorkspaceContext.runAsSystem(touchpoint.workspaceId(), () -> activities.record(new Activity(Ids.next(), type,
				touchpoint.personId(), touchpoint.organizationId(), touchpoint.recordType(), touchpoint.recordId(),
				touchpoint.subject(), RichText.sanitise(touchpoint.body()),
				touchpoint.occurredAt() == null ? Instant.now(clock) : touchpoint.occurredAt(), touchpoint.authorId(), null, null, null,
				null, null, null, List.of(), List.of(), touchpoint.source(), null, null, null, null, null, List.of(), Instant.now(clock), 0),
				touchpoint.sourceRef()));
	}
}
