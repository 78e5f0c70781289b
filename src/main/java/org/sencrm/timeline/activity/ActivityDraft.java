package org.sencrm.timeline.activity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What a user, an API client or a webhook submits to log an activity. */
public record ActivityDraft(String type, UUID personId, UUID organizationId, String subject, String body,
		Instant occurredAt, String direction, Integer durationSeconds, String outcome, Instant endsAt, String place,
		List<UUID> attendeeUserIds, List<UUID> attendeePersonIds, List<UUID> mentionUserIds) {
}
