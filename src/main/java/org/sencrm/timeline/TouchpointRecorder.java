package org.sencrm.timeline;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.sencrm.platform.Ids;
import org.sencrm.timeline.activity.Activities;
import org.sencrm.timeline.activity.Activity;
import org.sencrm.timeline.activity.ActivityType;
import org.sencrm.timeline.activity.RichText;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Puts other modules' {@link Touchpoint}s on the timeline after their transaction commits, exactly
 * once: a redelivered touchpoint finds its {@code (source, sourceRef)} taken and adds nothing.
 */
@Component
class TouchpointRecorder {

	private final Activities activities;
	private final Clock clock;

	TouchpointRecorder(Activities activities, Clock clock) {
		this.activities = activities;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(Touchpoint touchpoint) {
		var type = ActivityType.of(touchpoint.type()).orElse(ActivityType.NOTE).key();
		activities.record(new Activity(Ids.next(), type,
				touchpoint.personId(), touchpoint.organizationId(), touchpoint.recordType(), touchpoint.recordId(),
				touchpoint.subject(), RichText.sanitise(touchpoint.body()),
				touchpoint.occurredAt() == null ? Instant.now(clock) : touchpoint.occurredAt(), touchpoint.authorId(), null, null, null,
				null, null, null, List.of(), List.of(), touchpoint.source(), null, null, null, null, null, List.of(), Instant.now(clock), 0),
				touchpoint.sourceRef());
	}
}
