package org.sencrm.timeline.notification;

import java.time.Instant;
import java.util.UUID;

/** Something a user should see in the app: a mention, a task reminder. */
public record Notification(UUID id, String kind, String text, String link, Instant createdAt, Instant readAt) {
}
