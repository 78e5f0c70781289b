package org.sencrm.timeline.calendar;

import java.time.Clock;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.sencrm.directory.Customers;
import org.sencrm.identity.Access;
import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.WorkspaceContext;
import org.sencrm.timeline.activity.Activities;
import org.sencrm.timeline.activity.RichText;
import org.sencrm.timeline.task.Tasks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The calendar: a user's meetings (authored or attended) and tasks with due times, as entries for
 * the calendar page and as a private iCalendar feed (RFC 5545) that Google Calendar, Outlook or
 * Apple Calendar subscribe to. The feed address carries a secret, stored only as its SHA-256 and so
 * shown once; regenerating it retires the old one, and a deactivated user's feed answers nothing.
 */
@Service
public class Calendars {

	private static final String PRODUCT = "-//Sen CRM//Sen CRM 1.0//EN";
	private static final Duration TASK_LENGTH = Duration.ofMinutes(30);
	private static final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;
	private final Access access;
	private final Tasks tasks;
	private final Activities activities;
	private final UserDirectory users;
	private final Customers customers;
	private final TransactionTemplate readOnly;
	private final Clock clock;

	Calendars(JdbcClient jdbc, Access access, Tasks tasks, Activities activities, UserDirectory users, Customers customers,
			PlatformTransactionManager transactions, Clock clock) {
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.jdbc = jdbc;
		this.access = access;
		this.tasks = tasks;
		this.activities = activities;
		this.users = users;
		this.customers = customers;
		this.clock = clock;
	}

	/** The current user's meetings and due tasks between two instants, by start. */
	@Transactional(readOnly = true)
	public List<CalendarEntry> entries(Instant from, Instant to) {
		return entriesOf(access.currentUser().id(), from, to);
	}

	/** When the current user's feed address was made, or empty when the user has none. */
	@Transactional(readOnly = true)
	public Optional<Instant> feedCreatedAt() {
		return jdbc.sql("select created_at from calendar_feeds where workspace_id = :ws and user_id = :user")
				.param("ws", WorkspaceContext.workspaceId()).param("user", access.currentUser().id())
				.query((rs, n) -> rs.getTimestamp(1).toInstant()).optional();
	}

	/**
	 * Makes the current user's feed token, replacing any earlier one (whose address stops working):
	 * {@code cal_<workspace><user><secret>}. Only the SHA-256 of the secret is stored, so the
	 * address is shown this once, like an API token.
	 */
	@Transactional
	public String regenerateFeedToken() {
		var user = access.currentUser();
		var bytes = new byte[32];
		random.nextBytes(bytes);
		var secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		jdbc.sql("""
				insert into calendar_feeds (user_id, workspace_id, secret_hash, created_at) values (:user, :ws, :hash, :now)
				on conflict (user_id) do update set secret_hash = excluded.secret_hash, created_at = excluded.created_at""")
				.param("user", user.id()).param("ws", WorkspaceContext.workspaceId()).param("hash", sha256(secret))
				.param("now", Timestamp.from(Instant.now(clock)))
				.update();
		return token(user.workspaceId(), user.id(), secret);
	}

	/** Turns the current user's feed off. */
	@Transactional
	public void revokeFeed() {
		revoke(access.currentUser().id());
	}

	/** An administrator turns off another user's feed (a lost phone, a leaked address). */
	@Transactional
	public void revokeFeedOf(UUID userId) {
		access.requireAdmin();
		users.user(userId).orElseThrow(() -> new org.sencrm.platform.NotFoundException("entity.user"));
		revoke(userId);
	}

	private void revoke(UUID userId) {
		jdbc.sql("delete from calendar_feeds where workspace_id = :ws and user_id = :user")
				.param("ws", WorkspaceContext.workspaceId()).param("user", userId).update();
	}

	/**
	 * The iCalendar document behind a feed token, or empty when the token is unknown or retired,
	 * or its user deactivated.
	 */
	public Optional<String> feed(String token) {
		if (token == null || !token.startsWith("cal_") || token.length() < 4 + 64 + 20) {
			return Optional.empty();
		}
		UUID workspace;
		UUID user;
		try {
			workspace = uuid(token.substring(4, 36));
			user = uuid(token.substring(36, 68));
		} catch (IllegalArgumentException e) {
			return Optional.empty();
		}
		var presented = sha256(token.substring(68));
		return WorkspaceContext.callAsSystem(workspace, () -> readOnly.execute(status -> {
			var stored = jdbc.sql("select secret_hash from calendar_feeds where workspace_id = :ws and user_id = :user")
					.param("ws", workspace).param("user", user).query(String.class).optional();
			if (stored.isEmpty() || !MessageDigest.isEqual(stored.get().getBytes(StandardCharsets.US_ASCII),
					presented.getBytes(StandardCharsets.US_ASCII))) {
				return Optional.<String>empty();
			}
			if (!users.user(user).map(UserDirectory.UserSummary::active).orElse(false)) {
				return Optional.<String>empty(); // a deactivated user's feed says nothing
			}
			var now = Instant.now(clock);
			var calendar = calendar(null);
			for (var entry : entriesOf(user, now.minus(Duration.ofDays(90)), now.plus(Duration.ofDays(365)))) {
				var event = new VEvent(entry.start(), entry.end(), entry.title());
				event.add(new Uid(entry.id() + "@sencrm"));
				event.add(new Categories(entry.kind()));
				if (entry.place() != null) {
					event.add(new Location(entry.place()));
				}
				calendar.add(event);
			}
			return Optional.of(calendar.toString());
		}));
	}

	/** A meeting as an invitation (METHOD:REQUEST) with its organizer and attendees. */
	@Transactional(readOnly = true)
	public String invitation(UUID meetingId) {
		var meeting = activities.get(meetingId);
		if (!"meeting".equals(meeting.type())) {
			throw new org.sencrm.platform.NotFoundException("entity.activity");
		}
		var end = meeting.endsAt() != null ? meeting.endsAt() : meeting.occurredAt().plus(Duration.ofHours(1));
		var event = new VEvent(meeting.occurredAt(), end, meeting.subject() == null ? "Meeting" : meeting.subject());
		event.add(new Uid(meeting.id() + "@sencrm"));
		// each edit raises the version, so calendars take a re-sent invitation as the newer one
		event.add(new Sequence(meeting.version()));
		if (meeting.place() != null) {
			event.add(new Location(meeting.place()));
		}
		if (meeting.body() != null) {
			event.add(new Description(RichText.plain(meeting.body())));
		}
		users.user(meeting.authorId()).ifPresent(author -> event.add(new Organizer(URI.create("mailto:" + author.email()))));
		for (var userId : meeting.attendeeUserIds()) {
			users.user(userId).ifPresent(u -> event.add(new Attendee(URI.create("mailto:" + u.email()))));
		}
		for (var personId : meeting.attendeePersonIds()) {
			customers.personContact(personId).map(Customers.PersonContact::email)
					.ifPresent(email -> event.add(new Attendee(URI.create("mailto:" + email))));
		}
		var calendar = calendar(new Method(Method.VALUE_REQUEST));
		calendar.add(event);
		return calendar.toString();
	}

	private List<CalendarEntry> entriesOf(UUID userId, Instant from, Instant to) {
		var entries = new ArrayList<CalendarEntry>(jdbc.sql("""
				select a.id, a.subject, a.occurred_at, a.ends_at, a.place, a.person_id, a.organization_id from activities a
				where a.workspace_id = :ws and a.type = 'meeting' and a.occurred_at >= :from and a.occurred_at < :to
				  and (a.author_id = :user or exists (select 1 from activity_attendees t where t.activity_id = a.id and t.user_id = :user))
				order by a.occurred_at""")
				.param("ws", WorkspaceContext.workspaceId()).param("user", userId)
				.param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
				.query((rs, n) -> {
					var start = rs.getTimestamp("occurred_at").toInstant();
					var ends = rs.getTimestamp("ends_at");
					return new CalendarEntry("meeting", rs.getObject("id", UUID.class),
							rs.getString("subject") == null ? "Meeting" : rs.getString("subject"), start,
							ends == null ? start.plus(Duration.ofHours(1)) : ends.toInstant(), rs.getString("place"),
							rs.getObject("person_id", UUID.class), rs.getObject("organization_id", UUID.class));
				})
				.list());
		for (var task : tasks.dueBetween(userId, from, to)) {
			entries.add(new CalendarEntry("task", task.id(), task.title(), task.dueAt(), task.dueAt().plus(TASK_LENGTH), null,
					task.personId(), task.organizationId()));
		}
		entries.sort(java.util.Comparator.comparing(CalendarEntry::start));
		return entries;
	}

	private static Calendar calendar(Method method) {
		var calendar = new Calendar();
		calendar.add(new ProdId(PRODUCT));
		calendar.add(ImmutableVersion.VERSION_2_0);
		calendar.add(ImmutableCalScale.GREGORIAN);
		if (method != null) {
			calendar.add(method);
		}
		return calendar;
	}

	private static String sha256(String secret) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		} catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String token(UUID workspace, UUID user, String secret) {
		return "cal_" + workspace.toString().replace("-", "") + user.toString().replace("-", "") + secret;
	}

	private static UUID uuid(String hex) {
		var bytes = HexFormat.of().parseHex(hex);
		var buffer = java.nio.ByteBuffer.wrap(bytes);
		return new UUID(buffer.getLong(), buffer.getLong());
	}
}
