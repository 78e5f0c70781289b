package org.sencrm.timeline.activity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.sencrm.directory.Customers;
import org.sencrm.identity.Access;
import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.AccessDeniedException;
import org.sencrm.platform.History;
import org.sencrm.platform.Ids;
import org.sencrm.platform.NotFoundException;
import org.sencrm.platform.ValidationException;
import org.sencrm.timeline.notification.Notifications;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Logging touchpoints: checks the customer exists in the workspace and that the user may write,
 * keeps each channel's own fields, sanitises the body, and notifies mentioned colleagues.
 */
@Service
public class Activities {

	private static final int MAX_SUBJECT = 300;
	private static final List<String> DIRECTIONS = List.of("inbound", "outbound");

	private final ActivityRepository activities;
	private final Customers customers;
	private final UserDirectory users;
	private final Access access;
	private final Notifications notifications;
	private final History history;

	Activities(ActivityRepository activities, Customers customers, UserDirectory users, Access access,
			Notifications notifications, History history) {
		this.activities = activities;
		this.customers = customers;
		this.users = users;
		this.access = access;
		this.notifications = notifications;
		this.history = history;
	}

	@Transactional(readOnly = true)
	public Activity get(UUID id) {
		return activities.find(id).orElseThrow(() -> new NotFoundException("entity.activity"));
	}

	/** Logs an activity by the current user (manual entry, API, webhook). */
	@Transactional
	public Activity log(ActivityDraft draft, String source) {
		access.requireWrite();
		var author = access.currentUser();
		var activity = checked(draft, author.id(), author.displayName(), source);
		activities.insert(activity, null);
		for (var mentioned : draft.mentionUserIds() == null ? List.<UUID>of() : draft.mentionUserIds().stream().distinct().toList()) {
			if (!mentioned.equals(author.id())) {
				notifications.notify(mentioned, "mention", author.displayName() + ": " + preview(activity), link(activity));
			}
		}
		history.created("activity", activity.id(), java.util.Map.of("type", activity.type(),
				"subject", activity.subject() == null ? "" : activity.subject()));
		return get(activity.id());
	}

	/**
	 * Records an activity that another part of the system observed (an email sent or received, a
	 * touchpoint from another module). Returns false when it was recorded before (same source
	 * reference or Message-ID), so redelivery never logs it twice.
	 */
	@Transactional
	public boolean record(Activity activity, String sourceRef) {
		return activities.insert(activity, sourceRef);
	}

	@Transactional(readOnly = true)
	public java.util.Optional<String> threadOf(String messageId) {
		return activities.threadOf(messageId);
	}

	@Transactional
	public void delete(UUID id) {
		var activity = get(id);
		var user = access.currentUser();
		if (!user.role().writes() || !(user.role().editsEverything() || user.id().equals(activity.authorId()))) {
			throw new AccessDeniedException("delete");
		}
		activities.delete(id);
		history.deleted("activity", id, java.util.Map.of("type", activity.type(),
				"subject", activity.subject() == null ? "" : activity.subject()));
	}

	private Activity checked(ActivityDraft draft, UUID authorId, String authorName, String source) {
		var problems = new ValidationException.Collector();
		var type = ActivityType.of(draft.type());
		if (type.isEmpty()) {
			problems.add("type", "validation.activity-type");
		}
		if (draft.personId() == null && draft.organizationId() == null) {
			problems.add("personId", "validation.activity-customer");
		}
		problems.throwIfAny();
		if (draft.personId() != null && customers.person(draft.personId()).isEmpty()) {
			throw new NotFoundException("entity.person");
		}
		if (draft.organizationId() != null && customers.organization(draft.organizationId()).isEmpty()) {
			throw new NotFoundException("entity.organization");
		}
		var subject = trim(draft.subject());
		if (subject != null && subject.length() > MAX_SUBJECT) {
			problems.add("subject", "validation.too-long");
		}
		var occurredAt = draft.occurredAt() == null ? Instant.now() : draft.occurredAt();
		if (occurredAt.isAfter(Instant.now().plus(Duration.ofDays(3650)))) {
			problems.add("occurredAt", "validation.date");
		}
		var kind = type.get();
		var direction = trim(draft.direction());
		if (direction != null && !DIRECTIONS.contains(direction)) {
			problems.add("direction", "validation.choice");
		}
		if (draft.durationSeconds() != null && (draft.durationSeconds() < 0 || draft.durationSeconds() > 86_400)) {
			problems.add("durationSeconds", "validation.duration");
		}
		if (draft.endsAt() != null && draft.endsAt().isBefore(occurredAt)) {
			problems.add("endsAt", "validation.ends-before-start");
		}
		var attendeeUsers = draft.attendeeUserIds() == null ? List.<UUID>of() : draft.attendeeUserIds().stream().distinct().toList();
		for (int i = 0; i < attendeeUsers.size(); i++) {
			if (users.user(attendeeUsers.get(i)).isEmpty()) {
				problems.add("attendeeUserIds[" + i + "]", "validation.owner");
			}
		}
		var attendeePersons = draft.attendeePersonIds() == null ? List.<UUID>of() : draft.attendeePersonIds().stream().distinct().toList();
		for (int i = 0; i < attendeePersons.size(); i++) {
			if (customers.person(attendeePersons.get(i)).isEmpty()) {
				problems.add("attendeePersonIds[" + i + "]", "validation.person");
			}
		}
		var mentions = draft.mentionUserIds() == null ? List.<UUID>of() : draft.mentionUserIds();
		for (int i = 0; i < mentions.size(); i++) {
			if (users.user(mentions.get(i)).isEmpty()) {
				problems.add("mentionUserIds[" + i + "]", "validation.owner");
			}
		}
		var body = RichText.sanitise(draft.body());
		if (subject == null && body == null && kind == ActivityType.NOTE) {
			problems.add("body", "validation.required");
		}
		problems.throwIfAny();
		var call = kind == ActivityType.CALL;
		var meeting = kind == ActivityType.MEETING;
		return new Activity(Ids.next(), kind.key(), draft.personId(), draft.organizationId(), null, null, subject, body,
				occurredAt, authorId, authorName, call || kind == ActivityType.EMAIL || kind == ActivityType.SMS
						|| kind == ActivityType.CHAT ? direction : null,
				call ? draft.durationSeconds() : null, call || meeting || kind == ActivityType.VISIT ? trim(draft.outcome()) : null,
				meeting ? draft.endsAt() : null, meeting || kind == ActivityType.VISIT ? trim(draft.place()) : null,
				meeting ? attendeeUsers : List.of(), meeting ? attendeePersons : List.of(), source, null, null, null, null, null,
				List.of(), Instant.now(), 0);
	}

	static String preview(Activity activity) {
		var text = activity.subject() != null ? activity.subject() : RichText.plain(activity.body());
		return text.length() > 140 ? text.substring(0, 137) + "..." : text;
	}

	static String link(Activity activity) {
		return activity.personId() != null ? "/persons/" + activity.personId() : "/organizations/" + activity.organizationId();
	}

	private static String trim(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
