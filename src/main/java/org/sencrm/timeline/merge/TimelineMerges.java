package org.sencrm.timeline.merge;

import java.util.List;

import org.sencrm.directory.Merges;
import org.springframework.stereotype.Component;

/**
 * The timeline's part of a merge (decision 33): activities (their attachments go with them), the
 * persons attending them, and tasks move to the survivor. An email logged on both records (one
 * message id) stays with the merged-away one, as a customer has one copy of a message.
 */
@Component
class TimelineMerges implements Merges.Holder {

	@Override
	public List<Merges.Link> links() {
		return List.of(
				Merges.Link.of("person", "activities", "person_id").uniqueWith("message_id"),
				Merges.Link.of("organization", "activities", "organization_id"),
				Merges.Link.of("person", "activity_attendees", "person_id").keyedBy("activity_id").uniqueWith("activity_id"),
				Merges.Link.of("person", "tasks", "person_id"),
				Merges.Link.of("organization", "tasks", "organization_id"));
	}
}
