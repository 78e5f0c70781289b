package org.sencrm.timeline.activity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.sencrm.directory.Customers;
import org.sencrm.identity.Access;
import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.AccessDeniedException;
import org.sencrm.platform.DomainException;
import org.sencrm.platform.History;
import org.sencrm.platform.Ids;
import org.sencrm.platform.NotFoundException;
import org.sencrm.platform.StaleVersionException;
import org.sencrm.platform.ValidationException;
import org.sencrm.timeline.notification.Notifications;
import org.sencrm.trash.Trash;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Logging touchpoints: checks the customer exists in the workspace and that the user may write,
 * keeps each channel's own fields, sanitises the body, and notifies mentioned colleagues. Changing
 * and deleting them afterwards is for their author or a manager (see {@link ActivityRights}),
 * with an optimistic version check and history.
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
	private final Clock clock;
	private final Trash trash;

	Activities(ActivityRepository activities, Customers customers, UserDirectory users, Access access,
			Notifications notifications, History history, Clock clock, Trash trash) {
		this.trash = trash;
		this.activities = activities;
		this.customers = customers;
		this.users = users;
		this.access = access;
		this.notifications = notifications;
		this.history = history;
		this.clock = clock;
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

	/**
	 * Changes what was logged: text, time and the channel's own fields, if the activity is still
	 * at {@code expectedVersion}. Every change is kept in history.
	 */
	@Transactional
	public Activity change(UUID id, ActivityChange change, int expectedVersion) {
		var current = get(id);
		if (!rights().mayChange(current)) {
			throw new AccessDeniedException("edit");
		}
		if (current.sentOrReceivedEmail()) {
			throw new DomainException("timeline.email-fixed");
		}
		if (current.version() != expectedVersion) {
			throw new StaleVersionException();
		}
		var kind = ActivityType.of(current.type()).orElseThrow();
		var problems = new ValidationException.Collector();
		if (change.occurredAt() == null) {
			problems.add("occurredAt", "validation.required");
		}
		var content = checked(kind, change, current.occurredAt(), problems);
		problems.throwIfAny();
		var changed = new Activity(current.id(), current.type(), current.personId(), current.organizationId(),
				current.recordType(), current.recordId(), content.subject(), content.body(), content.occurredAt(),
				current.authorId(), current.authorName(), content.direction(), content.durationSeconds(), content.outcome(),
				content.endsAt(), content.place(), content.attendeeUserIds(), content.attendeePersonIds(), current.source(),
				current.messageId(), current.inReplyTo(), current.threadId(), current.emailFrom(), current.emailTo(),
				current.attachments(), current.createdAt(), expectedVersion + 1);
		if (!activities.update(changed, expectedVersion)) {
			throw new StaleVersionException();
		}
		history.updated("activity", id, ActivityChange.historyValues(current), ActivityChange.historyValues(changed));
		return get(id);
	}

	/** Moves an activity to the trash; with {@code expectedVersion} only if nobody changed it since. */
	@Transactional
	public void delete(UUID id, Integer expectedVersion) {
		var activity = get(id);
		if (!rights().mayChange(activity)) {
			throw new AccessDeniedException("delete");
		}
		trash.moveToTrash("activity", id, expectedVersion);
	}

	@Transactional(readOnly = true)
	public List<History.Entry> history(UUID id) {
		get(id);
		return history.of(id);
	}

	/** What the current user may do with activities (for showing the Edit and Delete actions). */
	public ActivityRights rights() {
		return ActivityRights.of(access.currentUser());
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
		var kind = type.get();
		var content = checked(kind, new ActivityChange(draft.subject(), draft.body(), draft.occurredAt(), draft.direction(),
				draft.durationSeconds(), draft.outcome(), draft.endsAt(), draft.place(), draft.attendeeUserIds(),
				draft.attendeePersonIds()), Instant.now(clock), problems);
		var mentions = draft.mentionUserIds() == null ? List.<UUID>of() : draft.mentionUserIds();
		for (int i = 0; i < mentions.size(); i++) {
			if (users.user(mentions.get(i)).isEmpty()) {
				problems.add("mentionUserIds[" + i + "]", "validation.owner");
			}
		}
		problems.throwIfAny();
		return new Activity(Ids.next(), kind.key(), draft.personId(), draft.organizationId(), null, null, content.subject(),
				content.body(), content.occurredAt(), authorId, authorName, content.direction(), content.durationSeconds(),
				content.outcome(), content.endsAt(), content.place(), content.attendeeUserIds(), content.attendeePersonIds(),
				source, null, null, null, null, null, List.of(), Instant.now(clock), 0);
	}

	/**
	 * Checks the text, time and channel fields of an activity (adding problems to {@code problems})
	 * and returns them as stored: trimmed, the body sanitised, and fields of other channels dropped.
	 */
	private ActivityChange checked(ActivityType kind, ActivityChange content, Instant defaultTime,
			ValidationException.Collector problems) {
		var subject = trim(content.subject());
		if (subject != null && subject.length() > MAX_SUBJECT) {
			problems.add("subject", "validation.too-long");
		}
		var occurredAt = content.occurredAt() == null ? defaultTime : content.occurredAt();
		if (occurredAt.isAfter(Instant.now(clock).plus(Duration.ofDays(3650)))) {
			problems.add("occurredAt", "validation.date");
		}
		var direction = trim(content.direction());
		if (direction != null && !DIRECTIONS.contains(direction)) {
			problems.add("direction", "validation.choice");
		}
		if (content.durationSeconds() != null && (content.durationSeconds() < 0 || content.durationSeconds() > 86_400)) {
			problems.add("durationSeconds", "validation.duration");
		}
		if (content.endsAt() != null && content.endsAt().isBefore(occurredAt)) {
			problems.add("endsAt", "validation.ends-before-start");
		}
		var attendeeUsers = content.attendeeUserIds() == null ? List.<UUID>of()
				: content.attendeeUserIds().stream().distinct().toList();
		for (int i = 0; i < attendeeUsers.size(); i++) {
			if (users.user(attendeeUsers.get(i)).isEmpty()) {
				problems.add("attendeeUserIds[" + i + "]", "validation.owner");
			}
		}
		var attendeePersons = content.attendeePersonIds() == null ? List.<UUID>of()
				: content.attendeePersonIds().stream().distinct().toList();
		for (int i = 0; i < attendeePersons.size(); i++) {
			if (customers.person(attendeePersons.get(i)).isEmpty()) {
				problems.add("attendeePersonIds[" + i + "]", "validation.person");
			}
		}
		var body = RichText.sanitise(content.body());
		if (subject == null && body == null && kind == ActivityType.NOTE) {
			problems.add("body", "validation.required");
		}
		var call = kind == ActivityType.CALL;
		var meeting = kind == ActivityType.MEETING;
		var directed = call || kind == ActivityType.EMAIL || kind == ActivityType.SMS || kind == ActivityType.CHAT;
		return new ActivityChange(subject, body, occurredAt, directed ? direction : null, call ? content.durationSeconds() : null,
				call || meeting || kind == ActivityType.VISIT ? trim(content.outcome()) : null, meeting ? content.endsAt() : null,
				meeting || kind == ActivityType.VISIT ? trim(content.place()) : null, meeting ? attendeeUsers : List.of(),
				meeting ? attendeePersons : List.of());
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
