package org.sencrm.timeline.email;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An email the CRM sent, or put in the local outbox because no SMTP server is configured, with
 * the names of the files it carried (the files themselves are the activity's attachments).
 */
public record OutgoingEmail(UUID id, UUID activityId, String messageId, String from, List<String> to, String subject,
		String bodyHtml, List<String> attachmentNames, String status, String error, Instant createdAt, Instant sentAt) {
}
