package org.sencrm.timeline.activity;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.AccessDeniedException;
import org.sencrm.platform.Ids;
import org.sencrm.platform.StaleVersionException;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.web.FieldMessages;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Editing one timeline entry in place: htmx swaps the entry for its form, and the saved entry (or
 * the form with its problems) back. A stale version keeps what was typed and says so.
 */
@Controller
class ActivityEditPages {

	private static final Map<String, String> KINDS = Map.of("persons", "entity.person", "organizations", "entity.organization");
	private static final String PATH = "/{kind:persons|organizations}/{id}/activities/{activity}";

	private final Activities activities;
	private final UserDirectory users;
	private final AttendeeNames names;
	private final MessageSource messages;

	ActivityEditPages(Activities activities, UserDirectory users, AttendeeNames names, MessageSource messages) {
		this.activities = activities;
		this.users = users;
		this.names = names;
		this.messages = messages;
	}

	@GetMapping(PATH + "/edit")
	String edit(@PathVariable String kind, @PathVariable String id, @PathVariable String activity, Model model) {
		var current = editable(activity);
		return form(kind, id, current, ActivityForm.of(current, zone()), model);
	}

	/** The entry as shown on the timeline (Cancel of the form). */
	@GetMapping(PATH)
	String entry(@PathVariable String kind, @PathVariable String id, @PathVariable String activity, Model model) {
		return entry(kind, id, activities.get(Ids.parse(activity, "entity.activity")), model);
	}

	@PostMapping(PATH)
	String save(@PathVariable String kind, @PathVariable String id, @PathVariable String activity,
			@ModelAttribute ActivityForm form, Model model) {
		var current = editable(activity);
		try {
			var version = form.version() == null ? current.version() : form.version();
			var saved = activities.change(current.id(), form.toChange(current, zone()), version);
			model.addAttribute("savedId", saved.id());
			return entry(kind, id, saved, model);
		} catch (ValidationException e) {
			model.addAttribute("editErrors", FieldMessages.of(e, messages));
			return form(kind, id, current, form, model);
		} catch (StaleVersionException e) {
			model.addAttribute("stale", true);
			return form(kind, id, current, form, model);
		}
	}

	private Activity editable(String activity) {
		var current = activities.get(Ids.parse(activity, "entity.activity"));
		if (!activities.rights().mayEdit(current)) {
			throw new AccessDeniedException("edit");
		}
		return current;
	}

	private String form(String kind, String id, Activity activity, ActivityForm form, Model model) {
		customer(kind, id, model);
		model.addAttribute("a", activity);
		model.addAttribute("editForm", form);
		model.addAttribute("users", users.users().stream().filter(u -> u.active()).toList());
		model.addAttribute("names", names.of(List.of(activity),
				form.attendeePersonIds() == null ? List.of() : form.attendeePersonIds()));
		return "timeline/panel :: edit-entry";
	}

	private String entry(String kind, String id, Activity activity, Model model) {
		customer(kind, id, model);
		model.addAttribute("a", activity);
		model.addAttribute("names", names.of(List.of(activity), List.of()));
		model.addAttribute("rights", activities.rights());
		return "timeline/panel :: entry";
	}

	private static void customer(String kind, String id, Model model) {
		UUID customer = Ids.parse(id, KINDS.get(kind));
		model.addAttribute("kind", kind);
		model.addAttribute("customerId", customer);
	}

	private ZoneId zone() {
		return ZoneId.of(users.workspace().timeZone());
	}
}
