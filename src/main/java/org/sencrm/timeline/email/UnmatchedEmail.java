package org.sencrm.timeline.email;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An incoming email whose addresses match no person yet. */
public record UnmatchedEmail(UUID id, String messageId, String fromAddress, String fromName, List<String> to, String subject,
		String body, Instant receivedAt) {
}
