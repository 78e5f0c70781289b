package org.sencrm.timeline.activity;

import java.time.Clock;
import java.io.IOException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.sencrm.identity.Access;
import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.Ids;
import org.sencrm.platform.StaleVersionException;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.web.FieldMessages;
import org.sencrm.timeline.task.TaskForm;
import org.sencrm.timeline.task.Tasks;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The timeline panel of the person and organization pages (customer 360): summary strip, forms
 * to log a touchpoint or add a task, open tasks, and the timeline with channel and author
 * filters and infinite scroll. htmx loads it into the page and swaps it after each action.
 * Editing one entry in place is {@link ActivityEditPages}.
 */
@Controller
class TimelinePages {

	private static final Map<String, String> KINDS = Map.of("persons", "entity.person", "organizations", "entity.organization");

	private final TimelineEntries timeline;
	private final Activities activities;
	private final Attachments attachments;
	private final Tasks tasks;
	private final UserDirectory users;
	private final Access access;
	private final MessageSource messages;
	private final AttendeeNames names;
	private final Clock clock;

	TimelinePages(TimelineEntries timeline, Activities activities, Attachments attachments, Tasks tasks, UserDirectory users,
			Access access, MessageSource messages, AttendeeNames names, Clock clock) {
		this.names = names;
		this.timeline = timeline;
		this.activities = activities;
		this.attachments = attachments;
		this.tasks = tasks;
		this.users = users;
		this.access = access;
		this.messages = messages;
		this.clock = clock;
	}

	/** One read-only transaction for the whole panel: summary, open tasks and the first page. */
	@GetMapping("/{kind:persons|organizations}/{id}/timeline-panel")
	@Transactional(readOnly = true)
	String panel(@PathVariable String kind, @PathVariable String id, Model model) {
		var customer = Ids.parse(id, KINDS.get(kind));
		return panel(kind, customer, model, emptyForm(kind, customer, "note"), TaskForm.empty());
	}

	@GetMapping("/{kind:persons|organizations}/{id}/timeline-entries")
	String entries(@PathVariable String kind, @PathVariable String id, @RequestParam(required = false) String type,
			@RequestParam(required = false) UUID authorId, @RequestParam(required = false) String cursor, Model model) {
		var customer = Ids.parse(id, KINDS.get(kind));
		model.addAttribute("kind", kind);
		model.addAttribute("customerId", customer);
		model.addAttribute("filterType", type);
		model.addAttribute("filterAuthor", authorId);
		var page = page(kind, customer, type, authorId, cursor);
		model.addAttribute("page", page);
		model.addAttribute("names", names.of(page.items(), List.of()));
		model.addAttribute("rights", activities.rights());
		return "timeline/panel :: entries";
	}

	@PostMapping("/{kind:persons|organizations}/{id}/activities")
	String log(@PathVariable String kind, @PathVariable String id, @ModelAttribute ActivityForm form,
			@RequestParam(required = false) MultipartFile file, Model model) throws IOException {
		var customer = Ids.parse(id, KINDS.get(kind));
		try {
			var zone = ZoneId.of(users.workspace().timeZone());
			var draft = form.toDraft(kind.equals("persons") ? customer : null, kind.equals("organizations") ? customer : null, zone);
			var logged = activities.log(draft, "web");
			if (file != null && !file.isEmpty()) {
				attachments.attach(logged.id(), file.getOriginalFilename(), file.getContentType(), file.getBytes());
			}
			model.addAttribute("notice", "timeline.logged");
			return panel(kind, customer, model, emptyForm(kind, customer, form.type()), TaskForm.empty());
		} catch (ValidationException e) {
			model.addAttribute("activityErrors", FieldMessages.of(e, messages));
			return panel(kind, customer, model, form, TaskForm.empty());
		}
	}

	@PostMapping("/{kind:persons|organizations}/{id}/tasks")
	String addTask(@PathVariable String kind, @PathVariable String id, @ModelAttribute TaskForm form, Model model) {
		var customer = Ids.parse(id, KINDS.get(kind));
		try {
			var zone = ZoneId.of(users.workspace().timeZone());
			tasks.create(form.toDraft(kind.equals("persons") ? customer : null, kind.equals("organizations") ? customer : null, zone));
			model.addAttribute("notice", "task.created");
			return panel(kind, customer, model, emptyForm(kind, customer, "note"), TaskForm.empty());
		} catch (ValidationException e) {
			model.addAttribute("taskErrors", FieldMessages.of(e, messages));
			return panel(kind, customer, model, emptyForm(kind, customer, "note"), form);
		}
	}

	@PostMapping("/{kind:persons|organizations}/{id}/tasks/{task}/complete")
	String complete(@PathVariable String kind, @PathVariable String id, @PathVariable String task, @RequestParam int version,
			Model model) {
		var customer = Ids.parse(id, KINDS.get(kind));
		tasks.complete(Ids.parse(task, "entity.task"), version);
		model.addAttribute("notice", "task.completed");
		return panel(kind, customer, model, emptyForm(kind, customer, "note"), TaskForm.empty());
	}

	/** Deletes an entry (its author or a manager), unless someone changed it since the page showed it. */
	@PostMapping("/{kind:persons|organizations}/{id}/activities/{activity}/delete")
	String delete(@PathVariable String kind, @PathVariable String id, @PathVariable String activity, @RequestParam int version,
			Model model) {
		var customer = Ids.parse(id, KINDS.get(kind));
		try {
			activities.delete(Ids.parse(activity, "entity.activity"), version);
			model.addAttribute("notice", "timeline.deleted");
		} catch (StaleVersionException e) {
			model.addAttribute("notice", "timeline.deleteStale");
		}
		return panel(kind, customer, model, emptyForm(kind, customer, "note"), TaskForm.empty());
	}

	/** Attachments for signed-in users (the API has its own endpoint for tokens). */
	@GetMapping("/attachments/{id}")
	void download(@PathVariable String id, HttpServletResponse response) throws IOException {
		var content = attachments.content(Ids.parse(id, "entity.attachment"));
		response.setContentType(content.contentType());
		response.setHeader("Content-Disposition", org.springframework.http.ContentDisposition.attachment()
				.filename(content.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString());
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.getOutputStream().write(content.bytes());
	}

	private String panel(String kind, UUID customer, Model model, ActivityForm activityForm, TaskForm taskForm) {
		model.addAttribute("kind", kind);
		model.addAttribute("customerId", customer);
		var page = page(kind, customer, null, null, null);
		model.addAttribute("page", page);
		model.addAttribute("names", names.of(page.items(),
				activityForm.attendeePersonIds() == null ? List.of() : activityForm.attendeePersonIds()));
		model.addAttribute("rights", activities.rights());
		var summary = kind.equals("persons") ? timeline.summaryOfPerson(customer) : null;
		model.addAttribute("summary", summary);
		model.addAttribute("recentTouchpoints", summary == null ? 0
				: summary.last90DaysByChannel().values().stream().mapToLong(Long::longValue).sum());
		model.addAttribute("now", java.time.Instant.now(clock));
		model.addAttribute("tasks", kind.equals("persons") ? tasks.openForPerson(customer) : tasks.openForOrganization(customer));
		model.addAttribute("users", users.users().stream().filter(u -> u.active()).toList());
		model.addAttribute("types", List.of(ActivityType.values()).stream().map(ActivityType::key).toList());
		model.addAttribute("canWrite", access.currentUser().role().writes());
		model.addAttribute("activityForm", activityForm);
		model.addAttribute("taskForm", taskForm);
		return "timeline/panel :: panel";
	}

	/** On a person's page the person is ticked as attending a meeting from the start. */
	private static ActivityForm emptyForm(String kind, UUID customer, String type) {
		return ActivityForm.empty(type, kind.equals("persons") ? customer : null);
	}

	private TimelineEntries.Page page(String kind, UUID customer, String type, UUID authorId, String cursor) {
		var types = type == null || type.isBlank() ? List.<String>of() : List.of(type);
		return kind.equals("persons") ? timeline.ofPerson(customer, types, authorId, cursor, 20)
				: timeline.ofOrganization(customer, types, authorId, cursor, 20);
	}
}
