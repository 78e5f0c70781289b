package org.sencrm.timeline.calendar;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import org.sencrm.identity.UserDirectory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The calendar page: a week or a month of the user's meetings and due tasks, and the feed address. */
@Controller
class CalendarPages {

	/** One day of the grid and what happens on it. */
	record Day(LocalDate date, boolean inMonth, boolean today, List<CalendarEntry> entries) {
	}

	private final Calendars calendars;
	private final UserDirectory users;
	private final Clock clock;

	CalendarPages(Calendars calendars, UserDirectory users, Clock clock) {
		this.calendars = calendars;
		this.users = users;
		this.clock = clock;
	}

	@GetMapping("/calendar")
	String show(@RequestParam(defaultValue = "week") String view, @RequestParam(required = false) String date, Model model) {
		return page(view, date, model);
	}

	private String page(String view, String date, Model model) {
		var zone = ZoneId.of(users.workspace().timeZone());
		var today = LocalDate.now(clock.withZone(zone));
		var anchor = parse(date, today);
		var month = "month".equals(view);
		var first = month ? anchor.withDayOfMonth(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
				: anchor.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		var days = month ? 42 : 7;
		var entries = calendars.entries(first.atStartOfDay(zone).toInstant(), first.plusDays(days).atStartOfDay(zone).toInstant());
		var byDay = new LinkedHashMap<LocalDate, List<CalendarEntry>>();
		for (int i = 0; i < days; i++) {
			byDay.put(first.plusDays(i), new ArrayList<>());
		}
		entries.forEach(e -> byDay.computeIfAbsent(e.start().atZone(zone).toLocalDate(), d -> new ArrayList<>()).add(e));
		model.addAttribute("view", month ? "month" : "week");
		model.addAttribute("days", byDay.entrySet().stream().filter(e -> !e.getKey().isBefore(first))
				.map(e -> new Day(e.getKey(), !month || e.getKey().getMonth() == anchor.getMonth(), e.getKey().equals(today), e.getValue()))
				.toList());
		model.addAttribute("anchor", anchor);
		model.addAttribute("previous", month ? anchor.minusMonths(1) : anchor.minusWeeks(1));
		model.addAttribute("next", month ? anchor.plusMonths(1) : anchor.plusWeeks(1));
		model.addAttribute("feedCreatedAt", calendars.feedCreatedAt().orElse(null));
		return "timeline/calendar";
	}

	/**
	 * Makes a new feed address and shows it in this answer only (not after a redirect: a flash
	 * attribute would rest in the session table, and only the secret's hash is stored).
	 */
	@PostMapping("/calendar/feed/regenerate")
	String regenerate(Model model) {
		model.addAttribute("feedUrl", ServletUriComponentsBuilder.fromCurrentContextPath().path("/calendar/{token}.ics")
				.buildAndExpand(calendars.regenerateFeedToken()).toUriString());
		model.addAttribute("notice", "calendar.feedRegenerated");
		return page("week", null, model);
	}

	@PostMapping("/calendar/feed/revoke")
	String revoke(RedirectAttributes redirect) {
		calendars.revokeFeed();
		redirect.addFlashAttribute("notice", "calendar.feedRevoked");
		return "redirect:/calendar";
	}

	/** From the users admin page: an administrator turns off a user's feed. */
	@PostMapping("/admin/users/{id}/calendar-feed/revoke")
	String revokeOf(@PathVariable String id, RedirectAttributes redirect) {
		calendars.revokeFeedOf(org.sencrm.platform.Ids.parse(id, "entity.user"));
		redirect.addFlashAttribute("notice", "calendar.feedRevokedByAdmin");
		return "redirect:/admin/users";
	}

	private static LocalDate parse(String date, LocalDate fallback) {
		try {
			return date == null ? fallback : LocalDate.parse(date);
		} catch (DateTimeParseException e) {
			return fallback;
		}
	}
}
