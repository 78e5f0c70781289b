package org.sencrm.analytics.segment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.sencrm.directory.Customers;
import org.sencrm.identity.Access;
import org.sencrm.platform.Ids;
import org.sencrm.platform.StaleVersionException;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.web.FieldMessages;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The segments pages: the list with each segment's count, the rule editor (drawn by
 * {@code js/segments.js} from the fields and ops this page gives it, with a live count from
 * {@code /segments/count}), a segment's members, and a static list's members added by search.
 */
@Controller
class SegmentPages {

	private final SegmentService segments;
	private final Access access;
	private final MessageSource messages;
	private final JsonMapper json;
	private final JdbcClient jdbc;
	private final Customers customers;
	private final org.sencrm.identity.UserDirectory users;

	SegmentPages(SegmentService segments, Access access, MessageSource messages, JsonMapper json, JdbcClient jdbc,
			Customers customers, org.sencrm.identity.UserDirectory users) {
		this.users = users;
		this.segments = segments;
		this.access = access;
		this.messages = messages;
		this.json = json;
		this.jdbc = jdbc;
		this.customers = customers;
	}

	@GetMapping("/segments")
	String list(Model model) {
		var all = segments.list(null);
		var counts = new LinkedHashMap<UUID, Long>();
		all.forEach(s -> counts.put(s.id(), segments.count(s.id())));
		model.addAttribute("segments", all);
		model.addAttribute("counts", counts);
		return "analytics/segments";
	}

	@GetMapping("/segments/new")
	String create(@RequestParam(defaultValue = "person") String type, @RequestParam(defaultValue = "false") boolean list, Model model) {
		access.requireWrite();
		var kind = "organization".equals(type) ? "organization" : "person";
		return editor(model, null, Map.of("type", kind, "static", String.valueOf(list), "name", "",
				"rule", "{\"all\":[]}"), Map.of());
	}

	@PostMapping("/segments")
	String save(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
		try {
			var isStatic = "true".equals(form.get("static"));
			var segment = segments.create(new SegmentDraft(form.get("name"), form.get("type"), isStatic, isStatic ? null : rule(form)));
			redirect.addFlashAttribute("notice", "segment.saved");
			return "redirect:/segments/" + segment.id();
		} catch (ValidationException e) {
			return editor(model, null, form, FieldMessages.of(e, messages));
		}
	}

	@GetMapping("/segments/{id}")
	String show(@PathVariable String id, @RequestParam(required = false) String cursor, Model model) {
		var segment = segments.get(Ids.parse(id, "entity.segment"));
		var form = new LinkedHashMap<String, String>();
		form.put("name", segment.name());
		form.put("type", segment.type());
		form.put("static", String.valueOf(segment.isStatic()));
		form.put("rule", segment.rule() == null ? "" : segment.rule().toString());
		form.put("version", String.valueOf(segment.version()));
		model.addAttribute("members", segments.members(segment.id(), cursor, 50));
		model.addAttribute("count", segments.count(segment.id()));
		return editor(model, segment, form, Map.of());
	}

	@PostMapping("/segments/{id}")
	String update(@PathVariable String id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
		var segment = segments.get(Ids.parse(id, "entity.segment"));
		try {
			segments.update(segment.id(), new SegmentDraft(form.get("name"), null, null, segment.isStatic() ? null : rule(form)),
					Integer.parseInt(form.getOrDefault("version", "-1")));
			redirect.addFlashAttribute("notice", "segment.saved");
			return "redirect:/segments/" + segment.id();
		} catch (ValidationException e) {
			model.addAttribute("members", segments.members(segment.id(), null, 50));
			model.addAttribute("count", segments.count(segment.id()));
			return editor(model, segment, form, FieldMessages.of(e, messages));
		} catch (StaleVersionException | NumberFormatException e) {
			model.addAttribute("stale", true);
			model.addAttribute("members", segments.members(segment.id(), null, 50));
			model.addAttribute("count", segments.count(segment.id()));
			return editor(model, segment, form, Map.of());
		}
	}

	@PostMapping("/segments/{id}/delete")
	String delete(@PathVariable String id, RedirectAttributes redirect) {
		segments.delete(Ids.parse(id, "entity.segment"), null);
		redirect.addFlashAttribute("notice", "segment.deleted");
		return "redirect:/segments";
	}

	/** htmx: the live count of the rule being edited, or what is wrong with it. */
	@PostMapping("/segments/count")
	String count(@RequestParam Map<String, String> form, Model model) {
		try {
			model.addAttribute("count", segments.countRule(form.get("type"), rule(form)));
			model.addAttribute("errors", Map.of());
		} catch (ValidationException e) {
			model.addAttribute("errors", FieldMessages.of(e, messages));
		}
		return "analytics/segment :: count";
	}

	/** htmx: customers of the list's type matching typed text, to add to a static list. */
	@GetMapping("/segments/{id}/candidates")
	String candidates(@PathVariable String id, @RequestParam(defaultValue = "") String q, Model model) {
		var segment = segments.get(Ids.parse(id, "entity.segment"));
		model.addAttribute("segment", segment);
		model.addAttribute("found", q.isBlank() ? List.of() : found(segment.type(), q));
		return "analytics/segment :: candidates";
	}

	@PostMapping("/segments/{id}/members")
	String addMembers(@PathVariable String id, @RequestParam(name = "ids", required = false) List<UUID> ids,
			RedirectAttributes redirect) {
		var segmentId = Ids.parse(id, "entity.segment");
		if (ids != null && !ids.isEmpty()) {
			segments.addMembers(segmentId, ids);
			redirect.addFlashAttribute("notice", "segment.membersAdded");
		}
		return "redirect:/segments/" + segmentId;
	}

	@PostMapping("/segments/{id}/members/{customerId}/remove")
	String removeMember(@PathVariable String id, @PathVariable String customerId, RedirectAttributes redirect) {
		var segmentId = Ids.parse(id, "entity.segment");
		segments.removeMembers(segmentId, List.of(Ids.parse(customerId, "entity.person")));
		redirect.addFlashAttribute("notice", "segment.memberRemoved");
		return "redirect:/segments/" + segmentId;
	}

	private List<SegmentRepository.Member> found(String type, String q) {
		var folded = "%" + org.sencrm.platform.SearchText.escapeLike(org.sencrm.platform.SearchText.fold(q)) + "%";
		return jdbc.sql("select r.id, " + SegmentService.nameExpression(type) + " as name from " + SegmentService.table(type)
						+ " r where r.workspace_id = :ws and r.search_text like :q order by r.search_name, r.id limit 10")
				.param("ws", org.sencrm.platform.WorkspaceContext.workspaceId()).param("q", folded)
				.query((rs, n) -> new SegmentRepository.Member(rs.getObject("id", UUID.class), rs.getString("name"))).list();
	}

	private JsonNode rule(Map<String, String> form) {
		var text = form.get("rule");
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return json.readTree(text);
		} catch (RuntimeException e) {
			throw new ValidationException(List.of(new ValidationException.FieldProblem("rule", "segment.rule.group")));
		}
	}

	private String editor(Model model, Segment segment, Map<String, String> form, Map<String, String> errors) {
		var type = segment == null ? form.getOrDefault("type", "person") : segment.type();
		model.addAttribute("segment", segment);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("type", type);
		model.addAttribute("isStatic", segment == null ? "true".equals(form.get("static")) : segment.isStatic());
		model.addAttribute("mayEdit", segment == null ? access.currentUser().role().writes() : segments.mayEdit(segment));
		model.addAttribute("catalog", json.writeValueAsString(catalog(type)));
		model.addAttribute("ruleErrors", errors.entrySet().stream().filter(e -> e.getKey().startsWith("rule")).toList());
		return "analytics/segment";
	}

	/** What the editor offers: each field with its label, the ops that fit it (labelled) and its choices (labelled). */
	private Map<String, Object> catalog(String type) {
		var locale = LocaleContextHolder.getLocale();
		var fields = new ArrayList<Map<String, Object>>();
		for (var field : SegmentFields.of(type)) {
			fields.add(field(field, label("segment.field." + field.name(), field.name(), locale), locale));
		}
		for (var definition : customers.customFields("person".equals(type) ? Customers.Kind.PERSON : Customers.Kind.ORGANIZATION)) {
			var field = SegmentFields.find(SegmentFields.CUSTOM_PREFIX + definition.key(), type).orElseThrow();
			fields.add(field(field, definition.label(), locale));
		}
		var ops = new LinkedHashMap<String, String>();
		for (var op : Op.values()) {
			ops.put(op.key(), messages.getMessage("segment.op." + op.key(), null, locale));
		}
		var words = new LinkedHashMap<String, String>();
		for (var word : List.of("all", "any", "not", "addCondition", "addGroup", "remove", "yes", "no", "from", "to", "days", "listHint")) {
			words.put(word, messages.getMessage("segment.editor." + word, null, locale));
		}
		return Map.of("fields", fields, "ops", ops, "words", words);
	}

	private Map<String, Object> field(SegmentField field, String label, Locale locale) {
		var choices = new ArrayList<Map<String, String>>();
		var prefix = choicePrefix(field);
		for (var choice : field.choices()) {
			choices.add(Map.of("value", choice, "label", prefix == null ? choice : label(prefix + choice, choice, locale)));
		}
		if (field.name().equals("ownerId")) {
			// the editor picks a user by name; the rule keeps the id
			users.users().forEach(u -> choices.add(Map.of("value", u.id().toString(), "label", u.displayName())));
		}
		var map = new LinkedHashMap<String, Object>();
		map.put("name", field.name());
		map.put("label", label);
		map.put("type", field.type().name().toLowerCase(Locale.ROOT));
		map.put("ops", field.type().ops().stream().map(Op::key).toList());
		map.put("choices", choices);
		return map;
	}

	private static String choicePrefix(SegmentField field) {
		return switch (field.name()) {
			case "lifecycleStage" -> "lifecycle.stage.";
			case "status" -> "person.status.";
			case "kind" -> "organization.kind.";
			case "relationship" -> "organization.relationship.";
			case "activities.channel" -> "activity.type.";
			default -> field.name().startsWith(SegmentFields.CONSENT_PREFIX) ? "consent.status." : null;
		};
	}

	private String label(String code, String fallback, Locale locale) {
		return messages.getMessage(code, null, fallback, locale);
	}
}
