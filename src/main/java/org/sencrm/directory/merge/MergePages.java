package org.sencrm.directory.merge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.sencrm.directory.customfield.CustomFieldDefinition;
import org.sencrm.directory.customfield.CustomFields;
import org.sencrm.directory.organization.Organization;
import org.sencrm.directory.organization.OrganizationFilter;
import org.sencrm.directory.organization.OrganizationService;
import org.sencrm.directory.person.Person;
import org.sencrm.directory.person.PersonFilter;
import org.sencrm.directory.person.PersonService;
import org.sencrm.directory.record.CustomerKind;
import org.sencrm.directory.record.CustomerRecord;
import org.sencrm.directory.record.RecordFilter;
import org.sencrm.identity.UserDirectory;
import org.sencrm.platform.DomainException;
import org.sencrm.platform.Ids;
import org.sencrm.platform.StaleVersionException;
import org.sencrm.platform.ValidationException;
import org.sencrm.platform.web.FieldMessages;
import org.sencrm.platform.web.Formats;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The merge page (decision 39): {@code /persons/merge?ids=a,b,…} (and {@code /organizations/merge})
 * shows the records side by side — which one is kept, per field a choice of the records' values with
 * the merge's default checked, the emails, phones, addresses and tags that are all kept, and what
 * hangs on each record and moves — and merges on confirm, through the same service and the same
 * {@code fields} shape as the API. With one id it is "merge with…": a search for the other record.
 * After the merge the survivor's page says so and offers to undo it ({@link MergeNotices}).
 */
@Controller
class MergePages {

	/** One record as the page shows it. */
	record Column(CustomerRecord record, String link, Map<String, Integer> linked) {
	}

	/** One value of a field in one record; {@code code} is a message code for values that are words of the app. */
	record Option(UUID recordId, String text, String code, boolean chosen) {
	}

	/** A field the user chooses a value for; {@code label} a message code, or the custom field's own label. */
	record Choice(String field, String label, boolean custom, List<Option> options, boolean differs) {
	}

	private final MergePersons mergePersons;
	private final MergeOrganizations mergeOrganizations;
	private final PersonService persons;
	private final OrganizationService organizations;
	private final CustomFields customFields;
	private final UserDirectory users;
	private final Formats formats;
	private final MergeNotices notices;
	private final MessageSource messages;

	MergePages(MergePersons mergePersons, MergeOrganizations mergeOrganizations, PersonService persons,
			OrganizationService organizations, CustomFields customFields, UserDirectory users, Formats formats, MergeNotices notices,
			MessageSource messages) {
		this.mergePersons = mergePersons;
		this.mergeOrganizations = mergeOrganizations;
		this.persons = persons;
		this.organizations = organizations;
		this.customFields = customFields;
		this.users = users;
		this.formats = formats;
		this.notices = notices;
		this.messages = messages;
	}

	@GetMapping("/persons/merge")
	String persons(@RequestParam(required = false) List<String> ids, @RequestParam(required = false) String survivor,
			@RequestParam(required = false) String q, Model model) {
		return show(CustomerKind.PERSON, parse(CustomerKind.PERSON, ids), survivor, q, model, Map.of());
	}

	@GetMapping("/organizations/merge")
	String organizations(@RequestParam(required = false) List<String> ids, @RequestParam(required = false) String survivor,
			@RequestParam(required = false) String q, Model model) {
		return show(CustomerKind.ORGANIZATION, parse(CustomerKind.ORGANIZATION, ids), survivor, q, model, Map.of());
	}

	@PostMapping("/persons/merge")
	String mergePersons(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		return merge(CustomerKind.PERSON, params, model, redirect);
	}

	@PostMapping("/organizations/merge")
	String mergeOrganizations(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		return merge(CustomerKind.ORGANIZATION, params, model, redirect);
	}

	/** Undoes a merge from the survivor's page: the merged-away records come back from the trash. */
	@PostMapping("/merges/{id}/undo")
	String undo(@PathVariable String id, RedirectAttributes redirect) {
		var mergeId = Ids.parse(id, "entity.merge");
		var merge = notices.find(mergeId).orElseThrow(() -> new org.sencrm.platform.NotFoundException("entity.merge"));
		var kind = merge.entity().equals("person") ? CustomerKind.PERSON : CustomerKind.ORGANIZATION;
		try {
			notices.undo(mergeId);
			redirect.addFlashAttribute("notice", "merge.undoneNotice");
		} catch (DomainException refused) {
			if (refused instanceof org.sencrm.platform.NotFoundException || refused instanceof org.sencrm.platform.AccessDeniedException) {
				throw refused;
			}
			redirect.addFlashAttribute("refusal", messages.getMessage(refused.code(), refused.arguments(), refused.code(),
					LocaleContextHolder.getLocale()));
		}
		return "redirect:" + kind.path() + "/" + merge.survivorId();
	}

	private String merge(CustomerKind kind, MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		var ids = parse(kind, params.get("ids"));
		var survivorText = params.getFirst("survivorId");
		var survivor = survivorText == null || survivorText.isBlank() ? null : Ids.parse(survivorText, kind.notFound());
		var others = ids.stream().filter(id -> !id.equals(survivor)).toList();
		// the radio buttons "field.<name>" carry the record whose value survives: the API's fields
		var fields = new LinkedHashMap<String, UUID>();
		var seen = new LinkedHashMap<UUID, Integer>();
		params.forEach((name, values) -> {
			var value = values.isEmpty() ? null : values.getFirst();
			if (value == null || value.isBlank()) {
				return;
			}
			if (name.startsWith("field.")) {
				fields.put(name.substring("field.".length()), Ids.parse(value, kind.notFound()));
			} else if (name.startsWith("version.")) {
				try {
					seen.put(Ids.parse(name.substring("version.".length()), kind.notFound()), Integer.parseInt(value));
				} catch (NumberFormatException ignored) {
					// an unreadable version checks nothing
				}
			}
		});
		try {
			if (kind == CustomerKind.PERSON) {
				mergePersons.merge(survivor, others, fields, seen);
			} else {
				mergeOrganizations.merge(survivor, others, fields, seen);
			}
		} catch (ValidationException e) {
			return show(kind, ids, survivorText, null, model, FieldMessages.of(e, messages));
		} catch (StaleVersionException e) {
			model.addAttribute("stale", true);
			return show(kind, ids, survivorText, null, model, Map.of());
		}
		redirect.addFlashAttribute("notice", "merge.doneNotice");
		return "redirect:" + kind.path() + "/" + survivor;
	}

	private String show(CustomerKind kind, List<UUID> ids, String survivorText, String q, Model model, Map<String, String> errors) {
		model.addAttribute("kind", kind);
		model.addAttribute("errors", errors);
		model.addAttribute("ids", String.join(",", ids.stream().map(UUID::toString).toList()));
		if (ids.size() < 2) {
			return pick(kind, ids, q, model);
		}
		var survivor = ids.getFirst();
		if (survivorText != null && !survivorText.isBlank()) {
			var asked = Ids.parse(survivorText, kind.notFound());
			survivor = ids.contains(asked) ? asked : survivor;
		}
		var others = new ArrayList<>(ids);
		others.remove(survivor);
		var preview = kind == CustomerKind.PERSON ? mergePersons.preview(survivor, others) : mergeOrganizations.preview(survivor, others);
		var records = new ArrayList<CustomerRecord>(preview.records());
		// side by side in the order the user named them, whichever is kept
		records.sort(java.util.Comparator.comparing(r -> ids.indexOf(r.id())));
		model.addAttribute("survivorId", survivor);
		model.addAttribute("columns", records.stream()
				.map(r -> new Column(r, kind.path() + "/" + r.id(), preview.linked().getOrDefault(r.id(), Map.of()))).toList());
		var definitions = new LinkedHashMap<String, CustomFieldDefinition>();
		customFields.of(kind.entity()).forEach(d -> definitions.put(d.key(), d));
		var choices = new ArrayList<Choice>();
		for (var field : preview.fields()) {
			var custom = field.startsWith(MergedValues.CUSTOM);
			var key = custom ? field.substring(MergedValues.CUSTOM.length()) : field;
			var options = records.stream().map(r -> option(kind, r, field, key, custom, preview.defaults().get(field))).toList();
			var differs = options.stream().map(o -> o.text() + "|" + o.code()).distinct().count() > 1;
			var label = custom ? (definitions.containsKey(key) ? definitions.get(key).label() : key) : label(field);
			choices.add(new Choice(field, label, custom, options, differs));
		}
		model.addAttribute("choices", choices);
		var kept = new MergedValues<CustomerRecord>(List.copyOf(preview.records()), preview.defaults(), tags(preview.records()), others);
		model.addAttribute("keptEmails", kept.emails());
		model.addAttribute("keptPhones", kept.phones());
		model.addAttribute("keptAddresses", kept.addresses());
		model.addAttribute("keptTags", kept.tags());
		return "directory/merge/page";
	}

	/** "Merge with…": the one record and a search for the other. */
	private String pick(CustomerKind kind, List<UUID> ids, String q, Model model) {
		var record = ids.isEmpty() ? null : kind == CustomerKind.PERSON ? persons.get(ids.getFirst()) : organizations.get(ids.getFirst());
		model.addAttribute("record", record);
		model.addAttribute("q", q == null ? "" : q);
		List<? extends CustomerRecord> found = List.of();
		if (q != null && !q.isBlank()) {
			var filter = RecordFilter.search(q, 11);
			found = kind == CustomerKind.PERSON ? persons.list(new PersonFilter(filter)).items()
					: organizations.list(new OrganizationFilter(filter)).items();
			found = found.stream().filter(r -> !ids.contains(r.id())).limit(10).toList();
		}
		model.addAttribute("found", found);
		return "directory/merge/pick";
	}

	private Option option(CustomerKind kind, CustomerRecord record, String field, String key, boolean custom, UUID chosen) {
		var isChosen = record.id().equals(chosen);
		if (custom) {
			var value = record.customFields().get(key);
			var text = value == null ? null
					: value instanceof java.util.Collection<?> list ? String.join(", ", list.stream().map(String::valueOf).toList())
					: String.valueOf(value);
			return new Option(record.id(), text == null || text.isBlank() ? null : text, null, isChosen);
		}
		Object value = kind == CustomerKind.PERSON ? mergePersons.rules().value((Person) record, field)
				: mergeOrganizations.rules().value((Organization) record, field);
		if (value == null) {
			return new Option(record.id(), null, null, isChosen);
		}
		return switch (field) {
			case "status" -> new Option(record.id(), null, "person.status." + value, isChosen);
			case "lifecycleStage" -> new Option(record.id(), null, "lifecycle.stage." + value, isChosen);
			case "kind", "relationship", "size" -> new Option(record.id(), null, "organization." + field + "." + value, isChosen);
			case "birthday" -> new Option(record.id(), formats.date((java.time.LocalDate) value), null, isChosen);
			case "owner" -> new Option(record.id(), users.user((UUID) value).map(UserDirectory.UserSummary::displayName).orElse("—"), null,
					isChosen);
			case "parent" -> new Option(record.id(), parentName((UUID) value), null, isChosen);
			default -> new Option(record.id(), String.valueOf(value), null, isChosen);
		};
	}

	private String parentName(UUID id) {
		try {
			return organizations.get(id).name();
		} catch (org.sencrm.platform.NotFoundException gone) {
			return "—";
		}
	}

	private static String label(String field) {
		return switch (field) {
			case "owner" -> "field.ownerId";
			case "parent" -> "field.parentId";
			default -> "field." + field;
		};
	}

	private static List<String> tags(List<? extends CustomerRecord> records) {
		var tags = new LinkedHashSet<String>();
		records.forEach(r -> tags.addAll(r.tags()));
		return List.copyOf(tags);
	}

	/** The ids of {@code ids=a,b} or {@code ids=a&ids=b}, each once, in order. */
	private static List<UUID> parse(CustomerKind kind, List<String> ids) {
		var parsed = new LinkedHashSet<UUID>();
		if (ids != null) {
			ids.stream().flatMap(text -> Arrays.stream(text.split(","))).map(String::strip).filter(s -> !s.isEmpty())
					.forEach(text -> parsed.add(Ids.parse(text, kind.notFound())));
		}
		return List.copyOf(parsed);
	}
}
