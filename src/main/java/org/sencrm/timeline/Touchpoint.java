package org.sencrm.timeline;

import java.time.Instant;
import java.util.UUID;

import org.sencrm.platform.WorkspaceEvent;

/**
 * The event contract for putting an entry on a customer's timeline from another module (a deal
 * moved, a case resolved, a campaign message sent, an order placed). Publish it in the
 * transaction of the change; the timeline records it after commit, once: {@code source} plus
 * {@code sourceRef} identify the entry, so a redelivery does not add it twice.
 *
 * @param type       one of note, call, meeting, email, sms, chat, visit — or the closest channel
 * @param personId   the person it concerns, or null
 * @param organizationId the organization it concerns, or null (at least one of the two, or a record)
 * @param recordType the publishing module's record ("deal", "case", "order"), or null
 * @param recordId   that record's id, or null
 * @param source     the publishing module ("sales", "service", "marketing")
 * @param sourceRef  a key unique within the source for this entry (e.g. the stage change id); required
 *                   with {@code source}, because a listener may run twice (decision 25)
 */
public record Touchpoint(UUID workspaceId, String type, UUID personId, UUID organizationId, String recordType,
		UUID recordId, String subject, String body, Instant occurredAt, UUID authorId, String source, String sourceRef) implements WorkspaceEvent {

	public Touchpoint {
		if (source == null || source.isBlank() || sourceRef == null || sourceRef.isBlank()) {
			throw new IllegalArgumentException("A touchpoint needs its source and sourceRef, which keep a redelivery from adding it twice");
		}
	}
}
