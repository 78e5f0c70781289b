package org.sencrm.timeline.calendar;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.sencrm.platform.Ids;
import org.sencrm.platform.ValidationException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The calendar through the API, the private feed URL, meeting invitations, and the feed itself
 * at {@code /calendar/<token>.ics} (no sign-in: calendar apps fetch it with the secret in the address).
 */
@RestController
class CalendarApi {

	static final MediaType TEXT_CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

	private final Calendars calendars;

	CalendarApi(Calendars calendars) {
		this.calendars = calendars;
	}

	@GetMapping("/api/v1/calendar/events")
	List<CalendarEntry> events(@RequestParam String from, @RequestParam String to) {
		return calendars.entries(instant(from, "from"), instant(to, "to"));
	}

	/** Whether the caller has a feed, and since when; its address was shown once, when made. */
	@GetMapping("/api/v1/calendar/feed")
	Map<String, Object> feedStatus() {
		return calendars.feedCreatedAt().<Map<String, Object>>map(at -> Map.of("active", true, "createdAt", at))
				.orElseGet(() -> Map.of("active", false));
	}

	/** Makes the caller's feed address (or a new one, retiring the old): the only time it is shown. */
	@PostMapping("/api/v1/calendar/feed-url/regenerate")
	Map<String, String> regenerate() {
		return Map.of("url", url(calendars.regenerateFeedToken()));
	}

	@DeleteMapping("/api/v1/calendar/feed")
	ResponseEntity<Void> revoke() {
		calendars.revokeFeed();
		return ResponseEntity.noContent().build();
	}

	/** An administrator turns off a user's feed. */
	@DeleteMapping("/api/v1/users/{id}/calendar-feed")
	ResponseEntity<Void> revokeOf(@PathVariable String id) {
		calendars.revokeFeedOf(Ids.parse(id, "entity.user"));
		return ResponseEntity.noContent().build();
	}

	@GetMapping(path = {"/api/v1/activities/{id}/invitation.ics", "/activities/{id}/invitation.ics"}, produces = "text/calendar")
	ResponseEntity<String> invitation(@PathVariable String id) {
		return ResponseEntity.ok().contentType(TEXT_CALENDAR)
				.header("Content-Disposition", "attachment; filename=\"meeting.ics\"")
				.body(calendars.invitation(Ids.parse(id, "entity.activity")));
	}

	@GetMapping("/calendar/{token}.ics")
	ResponseEntity<String> feed(@PathVariable String token) {
		return calendars.feed(token).map(body -> ResponseEntity.ok().contentType(TEXT_CALENDAR).body(body))
				.orElseGet(() -> ResponseEntity.notFound().build());
	}

	private static String url(String token) {
		return ServletUriComponentsBuilder.fromCurrentContextPath().path("/calendar/{token}.ics").buildAndExpand(token).toUriString();
	}

	private static Instant instant(String text, String field) {
		try {
			return Instant.parse(text);
		} catch (DateTimeParseException e) {
			throw new ValidationException(List.of(new ValidationException.FieldProblem(field, "validation.date")));
		}
	}
}
