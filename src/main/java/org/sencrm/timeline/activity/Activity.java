package org.sencrm.timeline.activity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One touchpoint on the timeline. Call fields (direction, duration, outcome), meeting fields
 * (end, place, attendees) and email fields (addresses, Message-ID threading) are empty for the
 * channels they do not belong to.
 */
public record Activity(UUID id, String type, UUID personId, UUID organizationId, String recordType, UUID recordId,
		String subject, String body, Instant occurredAt, UUID authorId, String authorName, String direction,
		Integer durationSeconds, String outcome, Instant endsAt, String place, List<UUID> attendeeUserIds,
		List<UUID> attendeePersonIds, String source, String messageId, String inReplyTo, String threadId,
		String emailFrom, List<String> emailTo, List<AttachmentInfo> attachments, Instant createdAt, int version) {

	/**
	 * An email that went out or came in (it has a Message-ID): its subject, body, time and
	 * addresses are the record of what was sent, so they are never edited afterwards.
	 */
	public boolean sentOrReceivedEmail() {
		return messageId != null;
	}

	/** A file attached to an activity (its content is fetched separately). */
	public record AttachmentInfo(UUID id, String fileName, String contentType, long sizeBytes) {
	}

	/** The same activity with its files. */
	public Activity withAttachments(List<AttachmentInfo> files) {
		return new Activity(id, type, personId, organizationId, recordType, recordId, subject, body, occurredAt, authorId,
				authorName, direction, durationSeconds, outcome, endsAt, place, attendeeUserIds, attendeePersonIds, source,
				messageId, inReplyTo, threadId, emailFrom, emailTo, List.copyOf(files), createdAt, version);
	}
}
