package org.sencrm.trash;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;

import org.sencrm.identity.Access;
import org.sencrm.platform.DomainException;
import org.sencrm.platform.Ids;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.web.FieldMessages;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Trash page: what the user may restore, newest first, with what went with each entry, who
 * deleted it when, and when it goes for good; Restore, and for administrators Delete for good. The
 * retention is changed on the workspace settings page ({@code trash/settings.html} there).
 */
@Controller
class TrashPages {

	/** What can be deleted on its own, for the type filter (a contact role only goes with a customer). */
	static final List<String> TYPES = List.of("person", "organization", "lead", "opportunity", "quote", "order", "contract",
			"product", "activity", "task");

	private final TrashEntries entries;
	private final TrashSettings settings;
	private final Trash trash;
	private final Access access;
	private final MessageSource messages;
	private final Clock clock;

	TrashPages(TrashEntries entries, TrashSettings settings, Trash trash, Access access, MessageSource messages, Clock clock) {
		this.entries = entries;
		this.settings = settings;
		this.trash = trash;
		this.access = access;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/trash")
	String list(@RequestParam(required = false) String type, @RequestParam(required = false) String cursor, Model model) {
		var chosen = type != null && TYPES.contains(type) ? type : null;
		var page = entries.list(chosen, cursor, 50);
		var with = new LinkedHashMap<Object, String>();
		page.items().forEach(e -> with.put(e.id(), trash.describe(e.contents())));
		model.addAttribute("entries", page.items());
		model.addAttribute("withIt", with);
		model.addAttribute("type", chosen);
		model.addAttribute("types", TYPES);
		model.addAttribute("seesAll", access.currentUser().role().editsEverything());
		model.addAttribute("retentionDays", settings.retentionDays());
		model.addAttribute("nextUrl", page.nextCursor() == null ? null
				: "/trash?cursor=" + page.nextCursor() + (chosen == null ? "" : "&type=" + chosen));
		return "trash/list";
	}

	@PostMapping("/trash/{id}/restore")
	String restore(@PathVariable String id, RedirectAttributes redirect) {
		try {
			entries.restore(Ids.parse(id, "entity.trash"));
			redirect.addFlashAttribute("notice", "trash.restored");
		} catch (DomainException refused) {
			if (refused instanceof org.sencrm.platform.NotFoundException || refused instanceof org.sencrm.platform.AccessDeniedException) {
				throw refused;
			}
			redirect.addFlashAttribute("refusal", messages.getMessage(refused.code(), refused.arguments(), refused.code(),
					LocaleContextHolder.getLocale()));
		}
		return "redirect:/trash";
	}

	@PostMapping("/trash/{id}/purge")
	String purge(@PathVariable String id, RedirectAttributes redirect) {
		entries.purgeNow(Ids.parse(id, "entity.trash"), Instant.now(clock));
		redirect.addFlashAttribute("notice", "trash.purgedNotice");
		return "redirect:/trash";
	}

	/** The retention, from the card on the workspace settings page (administrators). */
	@PostMapping("/admin/trash")
	String changeRetention(@RequestParam(required = false) String retentionDays, RedirectAttributes redirect) {
		try {
			settings.changeRetention(parse(retentionDays));
			redirect.addFlashAttribute("notice", "trash.settings.saved");
		} catch (ValidationException invalid) {
			redirect.addFlashAttribute("trashProblem", String.join(" ", FieldMessages.of(invalid, messages).values()));
		}
		return "redirect:/admin/workspace";
	}

	private static Integer parse(String days) {
		try {
			return days == null ? null : Integer.valueOf(days.strip());
		} catch (NumberFormatException e) {
			return null;
		}
	}
}
